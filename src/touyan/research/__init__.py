"""Research services: quick answers, deep research runs, the feed of analyses, exports."""
