"""The web application: server-rendered pages, the JSON API and SSE streams."""
