"""Information support: news about roadmap events and the school's public Atom feed."""
