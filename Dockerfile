FROM python:3.12-slim
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
