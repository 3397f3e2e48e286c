"""Actor knowledge base and mention -> actor resolution."""
