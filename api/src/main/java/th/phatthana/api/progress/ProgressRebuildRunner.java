package th.phatthana.api.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import th.phatthana.tenants.tenant.TenantService;

/**
 * The operator's rebuild: {@code java -jar api/target/phatthana-api-*.jar --phatthana.progress.rebuild=<tenantCode>}
 * (or {@code PHATTHANA_PROGRESS_REBUILD=<code>}; {@code *} rebuilds every organisation) drops the
 * organisations' progress and replays their statement streams before the application serves on.
 */
@Component
class ProgressRebuildRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgressRebuildRunner.class);

    private final String codes;
    private final TenantService tenants;
    private final ProgressCommands commands;

    ProgressRebuildRunner(ProgressProperties properties, TenantService tenants, ProgressCommands commands) {
        this.codes = properties.rebuild();
        this.tenants = tenants;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (codes == null || codes.isBlank()) {
            return;
        }
        for (String code : codes.split(",")) {
            String trimmed = code.trim();
            if (trimmed.equals("*")) {
                tenants.all().forEach(tenant -> rebuild(tenant.id(), tenant.code()));
            } else {
                tenants.findByCode(trimmed).ifPresentOrElse(tenant -> rebuild(tenant.id(), trimmed),
                        () -> log.error("phatthana.progress.rebuild: no organisation has the code {}", trimmed));
            }
        }
    }

    private void rebuild(String tenantId, String code) {
        long through = commands.rebuild(tenantId);
        log.info("Progress of {} rebuilt through statement {}", code, through);
    }
}
