/**
 * SRTP and SRTCP (RFC 3711) keyed by SDES {@code a=crypto} attributes (RFC 4568), with the JDK's
 * AES and SHA-1 only.
 *
 * <p>Entry points: {@link org.parley.media.srtp.SdesCrypto} reads, writes and generates {@code
 * a=crypto} values; {@link org.parley.media.srtp.SrtpSession} protects and unprotects packets in
 * place. Supported: AES_CM_128_HMAC_SHA1_80 and _32, key derivation rate 0, one master key per
 * direction (with or without MKI), a 64-packet replay window, SRTCP always encrypted.
 *
 * <p>Real-time contract: after construction nothing here allocates, locks or logs per packet.
 */
package org.parley.media.srtp;
