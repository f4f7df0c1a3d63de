"""The Celery app bound to create_app(): `celery -A celery_worker worker|beat`."""
from backend import create_app

flask_app = create_app()
celery_app = flask_app.extensions["celery"]
