package org.parley.app.sip.presence;

import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.URI;

/**
 * What a subscription dialog needs to send requests within it (RFC 3261 §12): the notifier's tag, its
 * Contact as remote target, and the route set in the order requests use it.
 */
record SubscriptionDialog(String remoteTag, URI remoteTarget, List<Address> routeSet) {
    SubscriptionDialog {
        routeSet = List.copyOf(routeSet);
    }
}
