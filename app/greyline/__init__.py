"""Greyline (灰线): evidence and referral desk against agent-driven complaints."""

__version__ = "0.1.0"
