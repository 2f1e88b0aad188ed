"""Which site a mail comes from: the registrable part of its address, and the shared services
whose domain says nothing about the shop. Pure; read by the parsers and by the timeline.
"""

from __future__ import annotations

_SLD = {"co", "com", "net", "org", "gov", "edu", "ac", "ne", "or"}
# Mail sent for many shops through one service: the domain says nothing about the shop.
HOSTED_SENDERS = {
    "shopifyemail.com",
    "myshopify.com",
    "sendgrid.net",
    "mailgun.org",
    "amazonses.com",
    "mandrillapp.com",
    "mcsv.net",
    "mailchimpapp.net",
    "sparkpostmail.com",
    "postmarkapp.com",
    "sendinblue.com",
    "zendesk.com",
    "freshdesk.com",
    "helpscoutemail.com",
    "gmail.com",
    "qq.com",
    "163.com",
    "126.com",
    "outlook.com",
    "hotmail.com",
}

# People's own mailboxes: mail from one speaks for a person (a buyer, a one-person seller, a scammer),
# never for a shop's site.
PERSONAL_MAILBOXES = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "foxmail.com",
        "sina.com",
        "orange.fr",
        "free.fr",
        "qq.com",
        "163.com",
        "126.com",
    }
)


def registrable_domain(address: str) -> str:
    """example.co.uk from shop@mail.example.co.uk; '' when there is no address."""
    host = address.rpartition("@")[2].lower().strip(".> ")
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and (labels[-2] in _SLD or len(labels[-2]) <= 2) and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
