package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ha1CacheTest {

    @Test
    void computesOncePerHashRealmAndUser() {
        Ha1Cache cache = new Ha1Cache();
        char[] pw = "pw".toCharArray();
        String first = cache.ha1(DigestAlgorithm.MD5, "alice", pw, "r");
        assertThat(first).isEqualTo(DigestComputation.ha1(DigestAlgorithm.MD5, "alice", pw, "r"));
        assertThat(cache.ha1(DigestAlgorithm.MD5, "alice", pw, "r")).isEqualTo(first);
        // MD5-sess starts from the same H(user:realm:password).
        assertThat(cache.ha1(DigestAlgorithm.MD5_SESS, "alice", pw, "r")).isEqualTo(first);
        assertThat(cache.computations()).isEqualTo(1);

        assertThat(cache.ha1(DigestAlgorithm.MD5, "alice", pw, "other")).isNotEqualTo(first);
        assertThat(cache.ha1(DigestAlgorithm.MD5, "bob", pw, "r")).isNotEqualTo(first);
        assertThat(cache.ha1(DigestAlgorithm.SHA_256, "alice", pw, "r"))
                .isEqualTo(DigestComputation.ha1(DigestAlgorithm.SHA_256, "alice", pw, "r"));
        assertThat(cache.computations()).isEqualTo(4);
    }

    @Test
    void aChangedPasswordIsNeverAnsweredFromTheCache() {
        Ha1Cache cache = new Ha1Cache();
        String old = cache.ha1(DigestAlgorithm.SHA_256, "alice", "old".toCharArray(), "r");
        String fresh = cache.ha1(DigestAlgorithm.SHA_256, "alice", "new".toCharArray(), "r");
        assertThat(fresh).isNotEqualTo(old)
                .isEqualTo(DigestComputation.ha1(DigestAlgorithm.SHA_256, "alice", "new".toCharArray(), "r"));

        // The same array changed in place (or wiped by DigestCredentials.destroy) counts as a new password.
        char[] live = "secret".toCharArray();
        String before = cache.ha1(DigestAlgorithm.MD5, "alice", live, "r");
        live[0] = 'S';
        assertThat(cache.ha1(DigestAlgorithm.MD5, "alice", live, "r")).isNotEqualTo(before)
                .isEqualTo(DigestComputation.ha1(DigestAlgorithm.MD5, "alice", "Secret".toCharArray(), "r"));
    }

    @Test
    void staysSmall() {
        Ha1Cache cache = new Ha1Cache();
        char[] pw = "pw".toCharArray();
        for (int i = 0; i < 3 * Ha1Cache.MAX_ENTRIES; i++) {
            cache.ha1(DigestAlgorithm.MD5, "alice", pw, "realm" + i);
        }
        int computed = cache.computations();
        cache.ha1(DigestAlgorithm.MD5, "alice", pw, "realm" + (3 * Ha1Cache.MAX_ENTRIES - 1));
        assertThat(cache.computations()).isEqualTo(computed);
        cache.ha1(DigestAlgorithm.MD5, "alice", pw, "realm0");
        assertThat(cache.computations()).isEqualTo(computed + 1);
    }
}
