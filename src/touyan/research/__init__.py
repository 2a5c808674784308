"""Research services: the feed of analyses, their exports, quick answers and deep research."""
