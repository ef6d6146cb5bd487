package io.analytics.gateway.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the audit logger to {@code file}, rotated at 10 MB with 9 older files kept ({@code
 * audit.1.jsonl} ...), and not to the console. Installed by the serving gateway, so the home it
 * serves decides where the audit trail lives.
 */
public final class AuditFile {
  private static final String APPENDER = "audit-file";

  private AuditFile() {}

  public static void install(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger audit = context.getLogger("io.analytics.audit");
    ch.qos.logback.core.Appender<ILoggingEvent> previous = audit.getAppender(APPENDER);
    if (previous != null) {
      audit.detachAppender(APPENDER);
      previous.stop();
    }
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER + "-file");
    appender.setFile(file.toString());

    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String pattern = dot > 0 ? name.substring(0, dot) + ".%i" + name.substring(dot) : name + ".%i";
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file.resolveSibling(pattern).toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(9);
    rolling.start();

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();

    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();
    // Sessions hand lines to a queue and go on; one thread writes them (none are dropped).
    QuietAsyncAppender async = new QuietAsyncAppender(appender);
    async.setContext(context);
    async.setName(APPENDER);
    async.start();
    audit.addAppender(async);
    audit.setAdditive(false);
    audit.setLevel(ch.qos.logback.classic.Level.INFO);
  }
}
