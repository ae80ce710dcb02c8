"""The domain of Briefing Desk: operations, queries and services over a session; no Qt."""
