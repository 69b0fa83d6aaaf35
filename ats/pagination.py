from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset, per_page: int | None = None, *,
             count: int | None = None) -> Page:
    """One page of `queryset` for ?page=…; a page number out of range gives the last page.
    A caller that counted the rows already passes `count`, saving the COUNT query."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))
