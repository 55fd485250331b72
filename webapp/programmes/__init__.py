"""Mentoring pairs and groups after they are formed: stages, the personalised programme, the meeting
log, the order assigning the pairs and the printable documents."""
