# KNOWN-BAD VARIANT `encode-utf8-garbled`: decodes each read on its own: a character cut between reads is garbled.
# Otherwise identical to reference/pipe-framing/python/; the spec must reject it (specs/pipe-framing.yaml, mustReject).
# pipe-framing: length-prefixed frames (4-byte big-endian length + UTF-8 payload), the statement's
# send() and receive(). Decoder by default; --encode turns each input line into one frame.
# Both work on bytes as they come: a read may end anywhere, even inside a character.
import argparse
import json
import struct
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--encode', action='store_true')
args = parser.parse_args()

inp = sys.stdin.buffer
out = sys.stdout.buffer


def send(data):
    out.write(struct.pack('>I', len(data)) + data)   # a length in bytes, not characters


def encode():
    # A line is the bytes up to b'\n' (a '\r' stays in it); a last line without '\n' counts.
    pending = ''
    while chunk := inp.read1(65536):                  # whatever has arrived
        pending += chunk.decode('utf-8', 'replace')   # BUG: a character cut between reads is garbled
        *lines, pending = pending.split('\n')
        for line in lines:
            send(line.encode())
        out.flush()
    if pending:
        send(pending.encode())
    out.flush()


def decode():
    pending = b''
    frames = 0
    while chunk := inp.read1(65536):
        pending += chunk
        while len(pending) >= 4 and len(pending) >= 4 + struct.unpack('>I', pending[:4])[0]:
            n = struct.unpack('>I', pending[:4])[0]
            # the payload is complete here, so no character can be cut in two
            text = pending[4:4 + n].decode('utf-8', 'replace')
            out.write(b'frame %d: %s\n' % (frames, json.dumps(text, ensure_ascii=False).encode()))
            frames += 1
            pending = pending[4 + n:]
        out.flush()                                   # the frames that are complete, now
    if pending:
        print('error: truncated frame', file=sys.stderr)
        sys.exit(2)
    out.write(b'total %d\n' % frames)


if args.encode:
    encode()
else:
    decode()
