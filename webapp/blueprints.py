"""Every area of the application registers here."""
from __future__ import annotations


def register_all(app) -> None:
    from webapp.auth.views import bp as auth_bp
    from webapp.banks.views import bp as banks_bp
    from webapp.consents.views import bp as consents_bp
    from webapp.dashboard.views import bp as dashboard_bp
    from webapp.pairing.notification_views import bp as notifications_bp
    from webapp.pairing.views import bp as pairing_bp
    from webapp.programmes.views import bp as programmes_bp
    from webapp.questionnaires import assign_views, editor_views, views  # noqa: F401  (their routes)
    from webapp.questionnaires.blueprint import bp as questionnaires_bp
    from webapp.users.views import bp as users_bp

    for bp in (auth_bp, dashboard_bp, users_bp, banks_bp, consents_bp):
        app.register_blueprint(bp)
    for bp in (pairing_bp, programmes_bp, notifications_bp):
        app.register_blueprint(bp)
    app.register_blueprint(questionnaires_bp)
    from webapp.monitoring.views import bp as monitoring_bp
    from webapp.news.views import bp as news_bp
    from webapp.practices.views import bp as practices_bp
    from webapp.recognition.views import bp as recognition_bp
    from webapp.roadmap.views import bp as roadmap_bp
    for bp in (roadmap_bp, monitoring_bp, practices_bp, recognition_bp, news_bp):
        app.register_blueprint(bp)
    from webapp.ops.views import bp as ops_bp
    app.register_blueprint(ops_bp)
    from webapp.documents.views import bp as documents_bp
    app.register_blueprint(documents_bp)
    from webapp.tasks.views import bp as tasks_bp
    app.register_blueprint(tasks_bp)
    from webapp.region.pool_views import bp as pool_bp
    from webapp.region.practice_views import bp as regional_practices_bp
    from webapp.region.views import bp as region_bp
    for bp in (region_bp, regional_practices_bp, pool_bp):
        app.register_blueprint(bp)
