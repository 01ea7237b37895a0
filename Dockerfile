# Two images from one build: `app` (gunicorn and the Celery worker) and `proxy` (nginx with the
# collected static files). docker-compose.yml builds both; `docker build .` builds `app`.
FROM python:3.12-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -e .
COPY . .
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --noinput
RUN useradd --create-home hotseat
USER hotseat
EXPOSE 8000
CMD ["gunicorn", "hotseat.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]

# The edge (deploy/nginx/): the official image fills in its templates at start. The static
# files are the ones the app stage collected, so the two never disagree.
FROM nginx:1.28 AS proxy
ENV HOTSEAT_UPSTREAM=web:8000 HOTSEAT_LISTEN=80 HOTSEAT_STATIC_ROOT=/srv/static \
    HOTSEAT_TLS_LISTEN=443 HOTSEAT_TLS_DIR=/etc/nginx/certs
COPY deploy/nginx/default.conf.template deploy/nginx/site.inc.template /etc/nginx/templates/
COPY --from=app /app/staticfiles /srv/static
EXPOSE 80

FROM app
