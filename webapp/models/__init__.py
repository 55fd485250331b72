"""peewee models, one module per concept. Import models from here."""
from webapp.models.organisation import Organisation
from webapp.models.user import User, UserRole
from webapp.models.security import AuditEvent, LoginFailure
from webapp.models.mentoring import MentoringGroup, GroupMember

ALL_MODELS = [Organisation, User, UserRole, AuditEvent, LoginFailure, MentoringGroup, GroupMember]

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS"]
