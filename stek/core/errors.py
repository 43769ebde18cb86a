"""The answer when a request fails inside the server (Django's ``handler500``).

A database that is busy or away (SQLite "database is locked" after the busy timeout, PostgreSQL
restarting) is not a bug: the transaction was rolled back, nothing was half written, and the same
request will work in a moment. Say so with 503 and ``Retry-After`` instead of the 500 page. The
pages are static templates: they must render without the database."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader


def busy():
    """503 "probeer opnieuw" with ``Retry-After``: nothing was written, try again in a moment."""
    response = HttpResponseServerError(loader.get_template("503.html").render())
    response.status_code = 503
    response["Retry-After"] = "5"
    return response


def page_not_found(request, exception=None, template_name="404.html"):
    """The product's own 404, with a way back. A message is shown only when a view raised
    ``Http404`` with one of its own sentences; an unknown address shows none (Django's default
    would print "Resolver404")."""
    from django.http import Http404, HttpResponseNotFound

    message = ""
    if type(exception) is Http404 and exception.args and isinstance(exception.args[0], str):
        message = exception.args[0]
    body = loader.get_template(template_name).render({"exception": message}, request)
    return HttpResponseNotFound(body)


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return busy()
    return HttpResponseServerError(loader.get_template(template_name).render())
