"""peewee models, one module per concept. Import models from here."""
from webapp.models.organisation import Organisation
from webapp.models.user import User, UserRole
from webapp.models.security import AuditEvent, LoginFailure
from webapp.models.mentoring import MentoringGroup, GroupMember
from webapp.models.questionnaire import (Answer, Assignment, Question, QuestionOption, Questionnaire,
                                         QuestionnaireVersion, Response)
from webapp.models.consent import Consent
from webapp.models.programme_life import (Award, NewsItem, Practice, PracticeAuthor, PracticeFile, RoadmapItem,
                                          TrainingCourse)
from webapp.models.pairing import (Approval, MatchingRun, Notification, PairingOrder, StageChange, Suggestion,
                                   UnpairedMentee)
from webapp.models.programme import MeetingLog, PlanItem, Programme
from webapp.models.pairing import OrderGroup
from webapp.models.documents import DocumentTemplate, NormativeDocument, PersonDetails
from webapp.models.marks import TermMark
from webapp.models.region import (Contest, ContestEntry, ContestScore, Nomination, PoolMember, Region,
                                  RegionalPractice, RegionSnapshot, RemoteConsent, RemotePair, REGION_MODELS)
from webapp.models.tasks import BackgroundTask, TaskWorker

ALL_MODELS = [Organisation, User, UserRole, AuditEvent, LoginFailure, MentoringGroup, GroupMember,
              Questionnaire, QuestionnaireVersion, Question, QuestionOption, Assignment, Response, Answer,
              Consent, MatchingRun, Approval, Suggestion, UnpairedMentee, PairingOrder, StageChange, Notification,
              Programme, PlanItem, MeetingLog,
              RoadmapItem, Practice, PracticeAuthor, PracticeFile, Award, TrainingCourse, NewsItem,
              OrderGroup, PersonDetails, DocumentTemplate, NormativeDocument, TermMark,
              BackgroundTask, TaskWorker] + REGION_MODELS

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS"]
