"""Thai knowledge shared by ingestion and queries: characters, dates, organizations."""
