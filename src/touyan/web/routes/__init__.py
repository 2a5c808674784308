"""Route modules, one per area of the site; each handler parses, calls a service, renders."""
