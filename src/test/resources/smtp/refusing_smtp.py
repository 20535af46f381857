"""A real SMTP server (aiosmtpd) for tests: refuses some recipients with a given reply, accepts the others.

usage: /usr/bin/python3 refusing_smtp.py PORT FOLDER [ADDRESS=REPLY ...]
  e.g. 'refused@example.com=550 5.1.1 <refused@example.com>: Recipient address rejected'
Each accepted message is written to FOLDER as NNNN.eml, its first line 'X-Envelope-To: <recipients>'.
Prints 'ready' once it listens; stops when its standard input closes (the test ends or dies).
"""
import os
import sys
import threading

from aiosmtpd.controller import Controller


class RefusingHandler:
    def __init__(self, folder, replies):
        self.folder = folder
        self.replies = replies
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.replies.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, '%04d.eml' % self.count)
        partial = name + '.part'
        with open(partial, 'wb') as out:
            out.write(('X-Envelope-To: %s\r\n' % ', '.join(envelope.rcpt_tos)).encode('ascii'))
            out.write(envelope.original_content)
        os.rename(partial, name)  # a reader never sees half a message
        return '250 OK: queued'


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    replies = {}
    for rule in sys.argv[3:]:
        address, reply = rule.split('=', 1)
        replies[address.lower()] = reply
    controller = Controller(RefusingHandler(folder, replies), hostname='127.0.0.1', port=port)
    controller.start()
    print('ready', flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == '__main__':
    main()
