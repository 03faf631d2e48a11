package th.phatthana.api.administration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, without a stack trace, which setting stopped the start and why. */
class RefusedSettingFailureAnalyzer extends AbstractFailureAnalyzer<ChosenSecrets.RefusedSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChosenSecrets.RefusedSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Change " + cause.variable()
                + " to a value that follows the rule, or leave it empty to have one generated and printed once.", cause);
    }
}
