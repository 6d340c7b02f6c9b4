import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { smtpMailer } from './smtp-mailer.js';

/** The SMTP transport against a real SMTP server on loopback (smtp-server, no authentication). */
describe('smtpMailer', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('mails each recipient with an address its own message, and skips those without one', async () => {
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@peiyu.test' });
    await mailer.send(
      [
        { userId: 'a', displayName: '陈督导', email: 'chen@peiyu.test' },
        { userId: 'b', displayName: '无邮箱', email: null },
        { userId: 'c', displayName: '周主任', email: 'zhou@peiyu.test' },
      ],
      '待审批：成长期关口已满足',
      '幸福里长者助餐队的成长期关口已满足，请审批。',
    );
    mailer.close();
    expect(received.map((m) => m.to)).toEqual([['chen@peiyu.test'], ['zhou@peiyu.test']]);
    expect(received.every((m) => m.from === 'noreply@peiyu.test')).toBe(true);
    expect(received[0].data).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('throws when the server cannot be reached, for its caller to log', async () => {
    const mailer = smtpMailer({ url: 'smtp://127.0.0.1:1', from: 'noreply@peiyu.test' });
    await expect(mailer.send([{ userId: 'a', displayName: '陈督导', email: 'chen@peiyu.test' }], '主题', '正文')).rejects.toThrow();
    mailer.close();
  });
});
