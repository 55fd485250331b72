"""The coordinator's banks of mentors and mentees (банк наставников / банк наставляемых)."""
