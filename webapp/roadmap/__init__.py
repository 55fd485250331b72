"""The school's roadmap (дорожная карта): pre-filled from the target model's steps, edited by the coordinator."""
