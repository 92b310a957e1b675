package fwgear.tools.validate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config and input names a gear's Java code reads from its {@link fwgear.context.GearContext},
 * read with JavaParser: only calls whose receiver is the context count (a parameter, variable or
 * field declared {@code GearContext}, or the parameter of a lambda given to {@code
 * GearEngine...run}), so {@code csv.parseInput("name,center-id")} or {@code map.get("x")} never do.
 * Only the files that name {@code GearContext} are parsed (and the file of a config record they
 * read), which keeps {@code ./gear validate} fast: the rest cannot hold the context.
 *
 * <p>Precise or silent: a name that is no string literal or string constant, or the context handed
 * to a method the gear's sources do not declare, makes every input inconclusive (the code may read
 * any); a string literal passed to any other call makes that name inconclusive.
 */
final class JavaReads {
  static final Set<String> CONFIG_ACCESSORS =
      Set.of("config", "configValue", "requireConfig", "flag");
  static final Set<String> INPUT_ACCESSORS =
      Set.of("input", "inputFile", "inputPath", "inputFilename", "openInput", "contextValue");

  private static final String CONTEXT_TYPE = "GearContext";

  private static final Pattern CONSTANT =
      Pattern.compile(
          "static\\s+final\\s+String\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");

  /**
   * One parser per thread (a JavaParser is not thread-safe), built on first use: a repository of
   * Python gears never loads JavaParser.
   *
   * <p>The syntax of the newest Java JavaParser knows (a gear may use Java 21's switch patterns),
   * and none of its post-processors: the scan reads the tree only, so it needs no comments attached
   * to nodes, no lexical preservation and no check of each construct against a language level,
   * which was a third of the parse (a tree walk per validator) and failed code newer than the
   * level.
   */
  private static final class Parser {
    static final ThreadLocal<JavaParser> PER_THREAD =
        ThreadLocal.withInitial(
            () -> {
              ParserConfiguration configuration =
                  new ParserConfiguration()
                      .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                      .setAttributeComments(false);
              configuration.getProcessors().clear();
              return new JavaParser(configuration);
            });
  }

  private final Map<String, String> texts;
  private final SourceScan.Reads reads;
  private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();
  private final Map<String, String> constants = new HashMap<>();

  private JavaReads(Map<String, String> texts, SourceScan.Reads reads) {
    this.texts = texts;
    this.reads = reads;
  }

  /** Adds what the Java files among {@code texts} read to {@code reads}. */
  static void scan(Map<String, String> texts, SourceScan.Reads reads) {
    new JavaReads(texts, reads).scan();
  }

  private void scan() {
    List<String> contextFiles = new ArrayList<>();
    texts.forEach(
        (file, text) -> {
          if (!file.endsWith(".java")) {
            return;
          }
          String code = SourceScan.withoutJavaComments(text);
          Matcher constant = CONSTANT.matcher(code);
          while (constant.find()) {
            constants.putIfAbsent(constant.group(1), constant.group(2));
          }
          if (code.contains(CONTEXT_TYPE)) {
            contextFiles.add(file);
          }
        });
    Set<String> helpers = new HashSet<>();
    Map<String, CompilationUnit> units = new LinkedHashMap<>();
    for (String file : contextFiles) {
      Optional<CompilationUnit> unit = parse(file);
      if (unit.isEmpty()) {
        reads.allInputsInconclusive(); // it names the context but does not parse: silence
        continue;
      }
      units.put(file, unit.get());
      // Methods and constructors of the gear that take the context: handing it to them is fine,
      // their own reads are scanned here.
      for (CallableDeclaration<?> callable : unit.get().findAll(CallableDeclaration.class)) {
        if (callable.getParameters().stream().anyMatch(JavaReads::isContextParameter)) {
          helpers.add(callable.getNameAsString());
        }
      }
    }
    units.forEach((file, unit) -> scan(file, unit, helpers));
  }

  private Optional<CompilationUnit> parse(String file) {
    return parsed.computeIfAbsent(
        file,
        f -> {
          ParseResult<CompilationUnit> result = Parser.PER_THREAD.get().parse(texts.get(f));
          return result.isSuccessful() ? result.getResult() : Optional.empty();
        });
  }

  private void scan(String file, CompilationUnit unit, Set<String> helpers) {
    Set<String> context = contextNames(unit);
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (call.getScope().filter(scope -> isContext(scope, context)).isPresent()) {
        read(file, call);
      } else {
        passed(call.getArguments(), context, helpers.contains(call.getNameAsString()));
      }
    }
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      passed(
          creation.getArguments(), context, helpers.contains(creation.getType().getNameAsString()));
    }
  }

  /** A direct read: {@code context.config("x")}, {@code context.inputPath(NAME)}, ... */
  private void read(String file, MethodCallExpr call) {
    String method = call.getNameAsString();
    boolean config = CONFIG_ACCESSORS.contains(method);
    if ((!config && !INPUT_ACCESSORS.contains(method)) || call.getArguments().isEmpty()) {
      return;
    }
    SourceScan.Location where = new SourceScan.Location(file, line(call));
    Expression argument = call.getArgument(0);
    if (config && argument instanceof ClassExpr type) {
      recordComponents(type.getType().asString()).forEach(name -> reads.config(name, where));
      return;
    }
    Optional<String> name = stringValue(argument);
    if (name.isPresent()) {
      if (config) {
        reads.config(name.get(), where);
      } else {
        reads.input(name.get(), where);
      }
    } else if (!config) {
      reads.allInputsInconclusive(); // inputPath(names[i]): any input may be read
    }
  }

  /** Arguments of a call that is no context accessor: names passed on, or the context itself. */
  private void passed(NodeList<Expression> arguments, Set<String> context, boolean gearHelper) {
    for (Expression argument : arguments) {
      if (argument instanceof StringLiteralExpr literal) {
        reads.passed(literal.asString());
      } else if (isContext(argument, context) && !gearHelper) {
        reads.allInputsInconclusive(); // a helper outside the gear's sources gets the context
      }
    }
  }

  private Optional<String> stringValue(Expression expression) {
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (expression instanceof NameExpr name) {
      return Optional.ofNullable(constants.get(name.getNameAsString()));
    }
    if (expression instanceof FieldAccessExpr field) {
      return Optional.ofNullable(constants.get(field.getNameAsString()));
    }
    return Optional.empty();
  }

  /** The names the context goes by in a file. */
  private static Set<String> contextNames(CompilationUnit unit) {
    Set<String> names = new HashSet<>();
    for (Parameter parameter : unit.findAll(Parameter.class)) {
      if (isContextParameter(parameter)) {
        names.add(parameter.getNameAsString());
      }
    }
    for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
      String type = variable.getType().asString();
      boolean opened =
          type.equals("var")
              && variable
                  .getInitializer()
                  .filter(init -> init.toString().startsWith(CONTEXT_TYPE + "."))
                  .isPresent();
      if (isContextType(type) || opened) {
        names.add(variable.getNameAsString());
      }
    }
    // GearEngine.create().run(args, context -> ...): the lambda's parameter is the context.
    for (LambdaExpr lambda : unit.findAll(LambdaExpr.class)) {
      Optional<Node> parent = lambda.getParentNode();
      if (lambda.getParameters().size() == 1
          && lambda.getParameter(0).getType().isUnknownType()
          && parent.filter(MethodCallExpr.class::isInstance).isPresent()
          && ((MethodCallExpr) parent.get()).getNameAsString().equals("run")
          && parent.get().toString().contains("GearEngine")) {
        names.add(lambda.getParameter(0).getNameAsString());
      }
    }
    return names;
  }

  private static boolean isContextParameter(Parameter parameter) {
    return isContextType(parameter.getType().asString());
  }

  private static boolean isContextType(String type) {
    return type.equals(CONTEXT_TYPE) || type.endsWith("." + CONTEXT_TYPE);
  }

  private static boolean isContext(Expression expression, Set<String> context) {
    if (expression instanceof NameExpr name) {
      return context.contains(name.getNameAsString());
    }
    return expression instanceof FieldAccessExpr field
        && field.getScope() instanceof ThisExpr
        && context.contains(field.getNameAsString());
  }

  /**
   * {@code context.config(Options.class)} reads every component of the record: snake_case of its
   * name ({@code adminGroup} is {@code admin_group}) unless {@code @JsonProperty} names it. The
   * record is looked for in the gear's sources (its file is parsed for it); none found, none read.
   */
  List<String> recordComponents(String type) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    Pattern declaration = Pattern.compile("\\brecord\\s+" + Pattern.quote(simple) + "\\b");
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      if (!entry.getKey().endsWith(".java") || !declaration.matcher(entry.getValue()).find()) {
        continue;
      }
      Optional<RecordDeclaration> record =
          parse(entry.getKey())
              .flatMap(
                  unit ->
                      unit.findFirst(
                          RecordDeclaration.class, r -> r.getNameAsString().equals(simple)));
      if (record.isPresent()) {
        return record.get().getParameters().stream().map(JavaReads::componentName).toList();
      }
    }
    return List.of();
  }

  private static String componentName(Parameter component) {
    for (AnnotationExpr annotation : component.getAnnotations()) {
      if (!annotation.getNameAsString().endsWith("JsonProperty")) {
        continue;
      }
      if (annotation instanceof SingleMemberAnnotationExpr single
          && single.getMemberValue() instanceof StringLiteralExpr value) {
        return value.asString();
      }
      if (annotation instanceof NormalAnnotationExpr normal) {
        for (MemberValuePair pair : normal.getPairs()) {
          if (pair.getNameAsString().equals("value")
              && pair.getValue() instanceof StringLiteralExpr value) {
            return value.asString();
          }
        }
      }
    }
    return component
        .getNameAsString()
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  private static int line(Node node) {
    return node.getBegin().map(position -> position.line).orElse(0);
  }
}
