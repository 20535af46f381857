"""A real SMTP server (aiosmtpd) that hands every message it accepts to an LMTP server, as a mail transfer agent's
LMTP transport does (Postfix's lmtp, say): the service's digests reach Dovecot's mailboxes over SMTP and LMTP.

usage: /usr/bin/python3 lmtp_relay.py PORT LMTP_PORT
An LMTP refusal (an unknown user: 550 5.1.1) is given back to the SMTP client as the answer to its DATA.
Prints 'ready' once it listens; stops when its standard input closes (the test ends or dies).
"""
import smtplib
import sys

from aiosmtpd.controller import Controller


class LmtpRelay:
    def __init__(self, lmtp_port):
        self.lmtp_port = lmtp_port

    async def handle_DATA(self, server, session, envelope):
        try:
            with smtplib.LMTP('127.0.0.1', self.lmtp_port) as lmtp:
                refused = lmtp.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content)
        except smtplib.SMTPRecipientsRefused as e:
            code, reply = next(iter(e.recipients.values()))
            return '%d %s' % (code, reply.decode('utf-8', 'replace'))
        except smtplib.SMTPResponseException as e:
            return '%d %s' % (e.smtp_code, e.smtp_error.decode('utf-8', 'replace'))
        except OSError as e:
            # LMTP server down: deferred, as an MTA keeps the mail queued and the sender tries again
            return '451 4.4.1 LMTP server unreachable: %s' % e
        if refused:
            code, reply = next(iter(refused.values()))
            return '%d %s' % (code, reply.decode('utf-8', 'replace'))
        return '250 OK: delivered over LMTP'


def main():
    port, lmtp_port = int(sys.argv[1]), int(sys.argv[2])
    controller = Controller(LmtpRelay(lmtp_port), hostname='127.0.0.1', port=port)
    controller.start()
    print('ready', flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == '__main__':
    main()
