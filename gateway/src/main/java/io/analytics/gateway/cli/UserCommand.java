package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.gateway.auth.ScramVerifier;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics user add|remove|list}: the users allowed to log in, stored as SCRAM verifiers only. */
@Command(
    name = "user",
    description = "Manage the users who may log in to the gateway.",
    subcommands = {UserCommand.Add.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The file's own configuration, without environment overrides, so that saving does not bake them in. */
  PlatformConfig storedConfig() {
    return PlatformConfig.load(parent.home().configFile(), Map.of());
  }

  void save(PlatformConfig config) {
    parent.home().ensureLayout();
    DurableFiles.writeAtomically(parent.home().configFile(), config.toJson());
  }

  @Command(name = "add", description = "Add a user, or change its password and role. The password is prompted for, or read from stdin when it is not a terminal.")
  static final class Add implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Login name.")
    String name;

    @Option(names = "--role", defaultValue = "analyst", description = "app, analyst, engineer or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() throws IOException {
      String password = readPassword();
      if (password.isEmpty()) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "empty passwords are not allowed");
      }
      String verifier = ScramVerifier.create(password, new SecureRandom()).encode();
      UserConfig added = new UserConfig(name, role, verifier, null);
      PlatformConfig config = user.storedConfig();
      List<UserConfig> users = new ArrayList<>(config.users().stream().filter(u -> !u.name().equals(name)).toList());
      users.add(added);
      user.save(config.withUsers(users));
      PrintWriter out = spec.commandLine().getOut();
      out.println("user " + name + " (" + role + ") saved; restart the gateway to apply");
      out.flush();
      return 0;
    }

    private String readPassword() throws IOException {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for %s: ", name);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
          throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "passwords do not match");
        }
        return new String(first);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      return line == null ? "" : line;
    }
  }

  @Command(name = "remove", description = "Remove a user.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      PlatformConfig config = user.storedConfig();
      List<UserConfig> kept = config.users().stream().filter(u -> !u.name().equals(name)).toList();
      if (kept.size() == config.users().size()) {
        throw new PlatformException(SqlState.UNDEFINED_OBJECT, "user \"" + name + "\" does not exist");
      }
      user.save(config.withUsers(kept));
      spec.commandLine().getOut().println("user " + name + " removed");
      return 0;
    }
  }

  @Command(name = "list", description = "List users and their roles.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (UserConfig each : user.storedConfig().users()) {
        out.println(each.name() + "\t" + each.role());
      }
      out.flush();
      return 0;
    }
  }
}
