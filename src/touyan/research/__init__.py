"""Quick answers and deep research: retrieve → plan → execute → write → verify."""
