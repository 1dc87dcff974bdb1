package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CnonceSourceTest {

    @Test
    void unique128BitHexAcrossManyRefills() {
        CnonceSource source = new CnonceSource();
        Set<String> seen = new HashSet<>();
        int n = 20 * CnonceSource.BATCH + 7;
        for (int i = 0; i < n; i++) {
            String c = source.get();
            assertThat(c).matches("[0-9a-f]{32}");
            seen.add(c);
        }
        assertThat(seen).hasSize(n);
    }

    @Test
    void everyCnonceIsFreshSecureRandomOutputDrawnInBatches() {
        AtomicInteger calls = new AtomicInteger();
        SecureRandom counting = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                calls.incrementAndGet();
                super.nextBytes(bytes);
            }
        };
        CnonceSource source = new CnonceSource(counting);
        for (int i = 0; i < 2 * CnonceSource.BATCH; i++) {
            source.get();
        }
        assertThat(calls.get()).isEqualTo(2);
        source.get();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void twoSourcesDoNotRepeatEachOther() {
        Set<String> a = new HashSet<>();
        CnonceSource first = new CnonceSource();
        CnonceSource second = new CnonceSource();
        for (int i = 0; i < 1000; i++) {
            a.add(first.get());
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(a.add(second.get())).isTrue();
        }
    }
}
