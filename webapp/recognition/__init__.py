"""Incentives (register of recognitions per mentor) and training (courses mentors have taken)."""
