import { expect } from 'chai'
import { DropCounter } from '../../src/protocol/guards.js'
import {
  canonicalReceipt,
  consentText,
  digestText,
  isGateId,
  parseConsentBroadcast,
  parseGateFrameMessage,
  parseGateHostMessage,
  receiptDigest,
  safePolicyUrl,
  type ConsentReceipt,
} from '../../src/protocol/consent.js'

const RECEIPT: ConsentReceipt = {
  purpose: 'Verify your identity',
  policyUrl: 'https://example.com/privacy',
  policyVersion: '2026-03',
  textDigest: 'Y2lwaGVyLXRleHQtZGlnZXN0LXBsYWNlaG9sZGVyLTQz',
  time: '2026-03-01T12:00:00.000Z',
}
const GATE_ID = 'AAECAwQFBgcICQoLDA0ODw'

describe('consent protocol', () => {
  describe('receipt digest', () => {
    it('canonical JSON sorts the members and has no white space (RFC 8785 for string members)', () => {
      const shuffled = { time: 't', purpose: 'p "q" é', textDigest: 'd', policyVersion: 'v', policyUrl: 'https://x.example/' }
      expect(canonicalReceipt(shuffled)).to.equal('{"policyUrl":"https://x.example/","policyVersion":"v","purpose":"p \\"q\\" é","textDigest":"d","time":"t"}')
    })

    it('ignores members outside the receipt', () => {
      expect(canonicalReceipt({ ...RECEIPT, extra: 'x' } as ConsentReceipt)).to.equal(canonicalReceipt(RECEIPT))
    })

    it('the digest is base64url SHA-256 of the UTF-8 canonical JSON (checked against a fixed vector)', async () => {
      // Computed independently: printf '%s' '<canonical JSON>' | sha256sum, then base64url.
      expect(await receiptDigest(RECEIPT)).to.equal('RT6hG-AqQSgMJobUFBXg0SnVr3pUHsyxmO-3x3B2m6o')
      expect(await digestText('abc')).to.equal('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0') // FIPS 180-2 B.1
      expect(await receiptDigest({ ...RECEIPT, time: '2026-03-01T12:00:00.001Z' })).to.not.equal(await receiptDigest(RECEIPT))
    })

    it('the consent text is the shown lines in reading order', () => {
      expect(consentText({ title: 'T', purpose: 'P', policy: 'L', version: 'V', agree: 'A' })).to.equal('T\nP\nL\nV\nA')
    })
  })

  describe('policy URL', () => {
    it('accepts absolute http(s) URLs only', () => {
      expect(safePolicyUrl('https://example.com/privacy')).to.equal('https://example.com/privacy')
      expect(safePolicyUrl('http://example.com/p?v=1')).to.equal('http://example.com/p?v=1')
      for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/privacy', 'privacy.html', 'https://user:pw@example.com/', 'ftp://example.com/', '']) {
        expect(safePolicyUrl(bad), bad).to.equal(undefined)
      }
    })
  })

  describe('guards', () => {
    it('gate ids are 22 base64url characters', () => {
      expect(isGateId(GATE_ID)).to.equal(true)
      for (const bad of ['pending', '', GATE_ID + 'A', GATE_ID.slice(1) + '/', 42]) expect(isGateId(bad)).to.equal(false)
    })

    it('a broadcast status counts only from a gate, for a real gate id, with a receipt when consented', () => {
      const drops = new DropCounter()
      const ok = { sf: 1, t: 'consent-status', from: 'gate', gate: GATE_ID, consented: true, receipt: RECEIPT }
      expect(parseConsentBroadcast(ok, drops)).to.deep.include({ consented: true, gate: GATE_ID })
      expect(parseConsentBroadcast({ ...ok, from: 'field' }, drops)).to.equal(undefined)
      expect(parseConsentBroadcast({ ...ok, gate: 'pending' }, drops)).to.equal(undefined)
      expect(parseConsentBroadcast({ ...ok, receipt: undefined }, drops)).to.equal(undefined)
      expect(parseConsentBroadcast({ ...ok, consented: 'yes' }, drops)).to.equal(undefined)
      expect(parseConsentBroadcast({ ...ok, sf: 2 }, drops)).to.equal(undefined)
      expect(parseConsentBroadcast({ sf: 1, t: 'consent-status', from: 'gate', gate: GATE_ID, consented: false }, drops)).to.deep.include({ consented: false })
      expect(parseConsentBroadcast({ sf: 1, t: 'consent-query', gate: GATE_ID }, drops)).to.deep.include({ t: 'consent-query' })
      expect(parseConsentBroadcast({ sf: 1, t: 'unlock', gate: GATE_ID }, drops)).to.equal(undefined)
      expect(drops.total).to.equal(6)
    })

    it('the host can only configure a gate frame or destroy it', () => {
      const drops = new DropCounter()
      const config = { purpose: 'p', policyUrl: 'https://x.example/', policyVersion: 'v', locale: 'en', theme: {} }
      expect(parseGateHostMessage({ sf: 1, t: 'config', config }, drops)).to.deep.equal({ t: 'config', config })
      expect(parseGateHostMessage({ sf: 1, t: 'destroy' }, drops)).to.deep.equal({ t: 'destroy' })
      for (const t of ['consent', 'consent-status', 'agree', 'click', 'unlock']) expect(parseGateHostMessage({ sf: 1, t, consented: true }, drops), t).to.equal(undefined)
      expect(parseGateHostMessage({ sf: 1, t: 'config', config: { ...config, purpose: 'x'.repeat(501) } }, drops)).to.equal(undefined)
    })

    it('the host accepts the gate frame’s messages of the right shape only', async () => {
      const drops = new DropCounter()
      const digest = await receiptDigest(RECEIPT)
      expect(parseGateFrameMessage({ sf: 1, t: 'consent', receipt: RECEIPT, digest }, drops)).to.deep.equal({ t: 'consent', receipt: RECEIPT, digest })
      expect(parseGateFrameMessage({ sf: 1, t: 'gate', id: GATE_ID }, drops)).to.deep.equal({ t: 'gate', id: GATE_ID })
      expect(parseGateFrameMessage({ sf: 1, t: 'consent', receipt: RECEIPT, digest: 'short' }, drops)).to.equal(undefined)
      expect(parseGateFrameMessage({ sf: 1, t: 'gate', id: 'pending' }, drops)).to.equal(undefined)
      const state = { consented: false, visible: true, controls: { agree: { x: 1, y: 2, width: 3, height: 4 }, withdraw: null } }
      expect(parseGateFrameMessage({ sf: 1, t: 'state', state }, drops)).to.deep.equal({ t: 'state', state })
      // Where the consent box is: a rectangle, or nothing.
      const boxed = { ...state, box: { x: 0, y: 0, width: 300, height: 180 } }
      expect(parseGateFrameMessage({ sf: 1, t: 'state', state: boxed }, drops)).to.deep.equal({ t: 'state', state: boxed })
      expect(parseGateFrameMessage({ sf: 1, t: 'state', state: { ...state, box: { x: 'wide' } } }, drops)).to.equal(undefined)
      // A refusal carries the developer's English and, apart, what the customer read.
      const refused = { t: 'refused', code: 'ERR_CONSENT_MOVED', message: 'The gate moved under the mouse as the gesture came.', text: 'La casilla se movió.' }
      expect(parseGateFrameMessage({ sf: 1, ...refused }, drops)).to.deep.equal(refused)
      expect(parseGateFrameMessage({ sf: 1, t: 'refused', code: 'ERR_CONSENT_MOVED', message: 'moved' }, drops), 'no text').to.equal(undefined)
      expect(parseGateFrameMessage({ sf: 1, ...refused, text: 'x'.repeat(301) }, drops), 'long text').to.equal(undefined)
      expect(parseGateFrameMessage({ sf: 1, t: 'configured' }, drops)).to.deep.equal({ t: 'configured' })
      const configured = { t: 'configured', refused: { code: 'ERR_GATE_CONFIG', message: 'A consent gate needs a purpose and an http(s) policy URL.' } }
      expect(parseGateFrameMessage({ sf: 1, ...configured }, drops)).to.deep.equal(configured)
      expect(parseGateFrameMessage({ sf: 1, t: 'height', px: 120 }, drops)).to.deep.equal({ t: 'height', px: 120 })
    })
  })
})
