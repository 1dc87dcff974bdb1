/* Prints SRTP/SRTCP packets protected by libre (baresip's SRTP) for Parley's interop test.
 * Build: gcc -o libre-vectors libre-vectors.c -l:libre.so.0
 * libre 1.1.0 ships no headers in Debian's runtime package; the declarations below follow its API. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct mbuf { uint8_t *buf; size_t size; size_t pos; size_t end; };
struct srtp;
int srtp_alloc(struct srtp **srtpp, int suite, const uint8_t *key, size_t key_bytes, int flags);
int srtp_encrypt(struct srtp *srtp, struct mbuf *mb);
int srtcp_encrypt(struct srtp *srtp, struct mbuf *mb);
const char *srtp_suite_name(int suite);
struct mbuf *mbuf_alloc(size_t size);
int mbuf_write_mem(struct mbuf *mb, const uint8_t *buf, size_t size);
void *mem_deref(void *data);

static void hex(const char *label, const uint8_t *p, size_t n) {
  printf("%s ", label);
  for (size_t i = 0; i < n; i++) printf("%02X", p[i]);
  printf("\n");
}

static void rtp(uint8_t *p, int seq, uint32_t ssrc, int payload) {
  memset(p, 0, 12 + payload);
  p[0] = 0x80; p[1] = 0; p[2] = seq >> 8; p[3] = seq;
  uint32_t ts = (uint32_t)seq * 160;
  p[4] = ts >> 24; p[5] = ts >> 16; p[6] = ts >> 8; p[7] = ts;
  p[8] = ssrc >> 24; p[9] = ssrc >> 16; p[10] = ssrc >> 8; p[11] = ssrc;
  for (int i = 0; i < payload; i++) p[12 + i] = (uint8_t)(i * 31 + seq);
}

int main(void) {
  uint8_t key[30];
  for (int i = 0; i < 30; i++) key[i] = (uint8_t)(i * 7 + 3);
  int suites[] = {0, 1};
  for (int s = 0; s < 2; s++) {
    struct srtp *ctx = NULL;
    if (srtp_alloc(&ctx, suites[s], key, sizeof key, 0)) { fprintf(stderr, "alloc\n"); return 1; }
    printf("suite %s\n", srtp_suite_name(suites[s]));
    int seqs[] = {65534, 65535, 0, 1};
    for (int k = 0; k < 4; k++) {
      uint8_t p[12 + 20];
      rtp(p, seqs[k], 0xDEADBEEF, 20);
      struct mbuf *mb = mbuf_alloc(128);
      mbuf_write_mem(mb, p, sizeof p);
      mb->pos = 0;
      if (srtp_encrypt(ctx, mb)) { fprintf(stderr, "encrypt\n"); return 1; }
      hex("rtp", mb->buf, mb->end);
      mem_deref(mb);
    }
    for (int k = 0; k < 2; k++) {
      uint8_t p[8 + 24];
      memset(p, 0, sizeof p);
      p[0] = 0x80; p[1] = 201; p[3] = 7;
      p[4] = 0xDE; p[5] = 0xAD; p[6] = 0xBE; p[7] = 0xEF;
      for (int i = 0; i < 24; i++) p[8 + i] = (uint8_t)(i + 5 + k);
      struct mbuf *mb = mbuf_alloc(128);
      mbuf_write_mem(mb, p, sizeof p);
      mb->pos = 0;
      if (srtcp_encrypt(ctx, mb)) { fprintf(stderr, "rtcp encrypt\n"); return 1; }
      hex("rtcp", mb->buf, mb->end);
      mem_deref(mb);
    }
    mem_deref(ctx);
  }
  return 0;
}
