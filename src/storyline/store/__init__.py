"""The story store: SQLAlchemy tables over SQLite (default) and PostgreSQL."""
