package org.parley.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.app.dial.DialPlan;
import org.parley.ui.common.I18n;

/**
 * The account dialog's dial-plan fields ({@link DialPlan}): country code, trunk (national) prefix, international
 * prefix, outside-line prefix, extension length, and whether to dial "+" and E.164. All empty means "no dial
 * plan" (numbers dialled as they are). UI thread.
 */
public final class DialPlanFields {
    private final StringProperty countryCode = new SimpleStringProperty("");
    private final StringProperty nationalPrefix = new SimpleStringProperty("");
    private final StringProperty internationalPrefix = new SimpleStringProperty("");
    private final StringProperty outsideLine = new SimpleStringProperty("");
    private final StringProperty extensionDigits = new SimpleStringProperty("");
    private final BooleanProperty international = new SimpleBooleanProperty(false);

    /** Fills the fields from a stored plan (null: none). */
    void load(String stored) {
        DialPlan plan = DialPlan.decode(stored);
        if (plan.equals(DialPlan.NONE)) {
            return;
        }
        countryCode.set(plan.countryCode());
        nationalPrefix.set(plan.nationalPrefix());
        internationalPrefix.set(plan.internationalPrefix());
        outsideLine.set(plan.outsideLine());
        extensionDigits.set(plan.extensionDigits() == 0 ? "" : Integer.toString(plan.extensionDigits()));
        international.set(plan.international());
    }

    /**
     * @return the stored form, or null when every field is empty
     * @throws IllegalArgumentException with a translated sentence when a field is not digits or out of range
     */
    String encoded(I18n i18n) {
        String cc = clean(countryCode);
        String np = clean(nationalPrefix);
        String ip = clean(internationalPrefix);
        String ol = clean(outsideLine);
        String ext = clean(extensionDigits);
        if (cc.isEmpty() && np.isEmpty() && ip.isEmpty() && ol.isEmpty() && ext.isEmpty() && !international.get()) {
            return null;
        }
        try {
            return new DialPlan(cc, np, ip, ol, ext.isEmpty() ? 0 : Integer.parseInt(ext), international.get())
                    .encode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(i18n.t("account.dialplan.invalid"), e);
        }
    }

    private static String clean(StringProperty p) {
        String s = p.get() == null ? "" : p.get().strip();
        return s.startsWith("+") ? s.substring(1) : s;
    }

    public StringProperty countryCodeProperty() {
        return countryCode;
    }

    public StringProperty nationalPrefixProperty() {
        return nationalPrefix;
    }

    public StringProperty internationalPrefixProperty() {
        return internationalPrefix;
    }

    public StringProperty outsideLineProperty() {
        return outsideLine;
    }

    public StringProperty extensionDigitsProperty() {
        return extensionDigits;
    }

    public BooleanProperty internationalProperty() {
        return international;
    }
}
