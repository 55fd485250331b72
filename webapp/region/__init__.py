"""The region: the regional mentoring centre's view across its schools (aggregated, without personal
data), its set-up of schools, the regional collection of best practices and the pool of remote mentors."""
