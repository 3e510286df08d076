package org.radioclr.core.io;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radioclr.core.BadInputException;

/**
 * radioclr's JSON files: one mapper configured once, binding records directly through their
 * canonical (validating) constructor, with keys in snake_case ({@code batchSize} is {@code
 * "batch_size"}).
 *
 * <p>Reading is strict: an unknown key (reported first), a value of the wrong type (no {@code "10"}
 * for 10, no 1.5 for a whole number), {@code null} for a number or in a list, and anything after
 * the document are errors; a missing key takes the record's {@link Defaults} value when it names
 * them, otherwise it is {@code null} (which the constructor rejects where a value is needed), and a
 * missing number or boolean without a default is an error. Every problem becomes one {@link
 * BadInputException} line naming the file and, for nested values, where in the document it is:
 *
 * <pre>
 * train.json: unknown key "tempreature" (known keys: augmentation, batch_size, ...)
 * train.json: "epochs" must be a number, got "ten"
 * train.json: line 3: not valid JSON (Unexpected character ('}' ...))
 * train.json: image size must be >= 32 for the standard stem, got 20
 * pre.json: channels[0].stages[1]: contrast must be in (0,1], got 1.5
 * </pre>
 *
 * <p>Writing is indented, every key written (nulls included), and atomic (temporary file and
 * rename).
 */
public final class Json {

  /**
   * Marks a static no-argument method of a record that returns the values missing keys take, e.g.
   * {@code @Json.Defaults static TrainConfig defaults() { return paper(100); }}.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Defaults {}

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          // a record's JSON is its components: no derived getX()/isX() methods
          .visibility(PropertyAccessor.GETTER, Visibility.NONE)
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, Visibility.ANY)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .addModule(new KeysModule())
          .build();

  private Json() {}

  /**
   * The mapper, for the few places that convert trees themselves; shared, so never reconfigure it.
   * For whole documents use the methods here.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads {@code file} as a {@code type}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, or does not make a
   *     valid {@code type}
   */
  public static <T> T read(Path file, Class<T> type) {
    return parse(readText(file, null), file, type);
  }

  /**
   * Parses {@code json} as a {@code type}; {@code source} names it in error messages.
   *
   * @throws BadInputException naming {@code source} on any problem
   */
  public static <T> T parse(String json, Path source, Class<T> type) {
    if (json.isBlank()) {
      throw new BadInputException(source, "empty file (expected a JSON object)");
    }
    T value;
    try (JsonParser parser = MAPPER.createParser(json)) {
      try {
        value = MAPPER.readValue(parser, type);
      } catch (JsonProcessingException e) {
        throw problem(source, e);
      }
    } catch (IOException e) {
      throw new BadInputException(source, "cannot read: " + e.getMessage(), e);
    }
    if (value == null) {
      throw new BadInputException(source, "null (expected a JSON object)");
    }
    return value;
  }

  /** The value as indented JSON text ending with a newline. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes the value to {@code file} as {@link #toJson(Object)}, atomically. */
  public static void write(Path file, Object value) {
    AtomicFiles.writeString(file, toJson(value));
  }

  /** The value's keys and values in order, as they would be written. */
  public static Map<String, Object> toMap(Object value) {
    return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() {});
  }

  /**
   * The text of a file to be parsed.
   *
   * @param what what the file holds, e.g. {@code "metrics"}, for the messages; may be null
   * @throws BadInputException naming the file when it is missing or unreadable
   */
  public static String readText(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, (what == null ? "" : what + " ") + "file not found", e);
    } catch (IOException e) {
      throw new BadInputException(
          file, "cannot read" + (what == null ? "" : " " + what) + ": " + e, e);
    }
  }

  /** {@code FILE: line L: not valid JSON (what the parser says)}. */
  public static BadInputException notJson(Path source, JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" (start marker at");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    return new BadInputException(
        source,
        (e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ")
            + "not valid JSON ("
            + message.strip()
            + ")",
        e);
  }

  private static BadInputException problem(Path source, JsonProcessingException e) {
    if (e instanceof StreamReadException syntax) {
      return notJson(source, syntax);
    }
    if (!(e instanceof JsonMappingException m)) {
      return new BadInputException(source, e.getOriginalMessage(), e);
    }
    if (m.getCause() instanceof StreamReadException syntax) {
      return notJson(source, syntax); // a syntax error met inside a list or object
    }
    List<JsonMappingException.Reference> path = m.getPath();
    return switch (m) {
      case UnrecognizedPropertyException u -> {
        List<String> known = new ArrayList<>();
        for (Object o : u.getKnownPropertyIds() == null ? List.of() : u.getKnownPropertyIds()) {
          known.add(String.valueOf(o));
        }
        String typeKey = typeKey(u.getReferringClass());
        if (typeKey != null && !known.contains(typeKey)) {
          known.add(typeKey);
        }
        known.sort(null);
        yield new BadInputException(
            source,
            at(path.subList(0, Math.max(0, path.size() - 1)))
                + "unknown key \""
                + u.getPropertyName()
                + "\" (known keys: "
                + String.join(", ", known)
                + ")",
            e);
      }
      case InvalidTypeIdException t ->
          new BadInputException(
              source,
              at(path)
                  + (t.getTypeId() == null
                      ? "missing key \"type\""
                      : "unknown type \"" + t.getTypeId() + "\"")
                  + " (known types: "
                  + String.join(", ", typeIds(t.getBaseType()))
                  + ")",
              e);
      case ValueInstantiationException v -> {
        Throwable cause = v.getCause() == null ? v : v.getCause();
        String message = cause.getMessage();
        if (cause instanceof NullPointerException && isComponent(v.getType(), message)) {
          message = "missing \"" + snake(message) + "\"";
        }
        yield new BadInputException(source, at(path) + message, e);
      }
      case MissingKey k -> {
        int end = path.size();
        if (end > 0 && k.key.equals(path.get(end - 1).getFieldName())) {
          end--;
        }
        yield new BadInputException(
            source, at(path.subList(0, end)) + "missing key \"" + k.key + "\"", e);
      }
      case MismatchedInputException mi when mi.getTargetType() != null && !path.isEmpty() ->
          new BadInputException(source, mismatch(path, mi), e);
      default -> new BadInputException(source, at(path) + m.getOriginalMessage(), e);
    };
  }

  /** {@code "key" must be a number, got "ten"}, after the place of the object holding the key. */
  private static String mismatch(
      List<JsonMappingException.Reference> path, MismatchedInputException e) {
    int key = path.size() - 1;
    while (key > 0 && path.get(key).getFieldName() == null) {
      key--; // a list element: name the list
    }
    String got = got(e);
    Class<?> target = e.getTargetType();
    String expected;
    if (target == int.class
        || target == Integer.class
        || target == long.class
        || target == Long.class
        || target == short.class
        || target == Short.class) {
      expected = got.matches("-?[0-9.eE+-]+") ? "a whole number" : "a number";
    } else if (Number.class.isAssignableFrom(target)
        || target == double.class
        || target == float.class) {
      expected = "a number";
    } else if (target == boolean.class || target == Boolean.class) {
      expected = "true or false";
    } else if (target == String.class) {
      expected = "a string";
    } else if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      expected = "a list";
    } else if (target.isEnum()) {
      expected = "one of " + Arrays.toString(target.getEnumConstants());
    } else {
      expected = "an object";
    }
    return at(path.subList(0, key))
        + "\""
        + place(path.subList(key, path.size()))
        + "\" must be "
        + expected
        + ", got "
        + got;
  }

  /** The offending value as written: from the parser when still open, else Jackson's message. */
  private static String got(MismatchedInputException e) {
    if (e.getProcessor() instanceof JsonParser p && !p.isClosed() && p.currentToken() != null) {
      try {
        return switch (p.currentToken()) {
          case VALUE_STRING -> "\"" + p.getText() + "\"";
          case START_OBJECT, FIELD_NAME, END_OBJECT -> "an object";
          case START_ARRAY, END_ARRAY -> "a list";
          default -> p.getText();
        };
      } catch (IOException ignored) {
        // fall back on the message
      }
    }
    String m = e.getOriginalMessage();
    if (m.contains("`null`")) {
      return "null";
    }
    if (m.contains("from Object value") || m.contains("START_OBJECT")) {
      return "an object";
    }
    if (m.contains("from Array value") || m.contains("START_ARRAY")) {
      return "a list";
    }
    Matcher v = Pattern.compile(" value \\((.*?)\\)( |$)").matcher(m);
    return v.find() ? v.group(1) : "another type";
  }

  /** {@code "channels[0].stages[1]: "}, or nothing at the top level. */
  private static String at(List<JsonMappingException.Reference> path) {
    String place = place(path);
    return place.isEmpty() ? "" : place + ": ";
  }

  private static String place(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static Collection<String> typeIds(JavaType base) {
    Collection<String> ids = new TreeSet<>();
    if (base != null) {
      DeserializationConfig config = MAPPER.getDeserializationConfig();
      AnnotatedClass ac = config.introspectClassAnnotations(base).getClassInfo();
      for (NamedType t :
          MAPPER.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, ac)) {
        if (t.hasName()) {
          ids.add(t.getName());
        }
      }
    }
    return ids;
  }

  /** The key naming the subtype when {@code type} is one of several (a stage's "type"). */
  private static String typeKey(Class<?> type) {
    if (type == null) {
      return null;
    }
    JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
    if (info != null) {
      return info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
    }
    for (Class<?> i : type.getInterfaces()) {
      String key = typeKey(i);
      if (key != null) {
        return key;
      }
    }
    return typeKey(type.getSuperclass());
  }

  private static boolean isComponent(JavaType type, String name) {
    if (type == null || name == null || !type.getRawClass().isRecord()) {
      return false;
    }
    for (RecordComponent c : type.getRawClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String snake(String javaName) {
    return ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE)
        .translate(javaName);
  }

  /**
   * Unknown and missing keys: an unknown key fails as soon as it is read; a missing one takes the
   * record's {@link Defaults} when it has them, else {@code null} for objects and an error for
   * numbers and booleans.
   */
  private static final class KeysModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    @Override
    public void setupModule(SetupContext context) {
      super.setupModule(context);
      context.addBeanDeserializerModifier(
          new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public BeanDeserializerBuilder updateBuilder(
                DeserializationConfig config,
                BeanDescription description,
                BeanDeserializerBuilder builder) {
              if (builder.getAnySetter() == null) {
                Set<Object> known = new TreeSet<>();
                builder.getProperties().forEachRemaining(p -> known.add(p.getName()));
                SettableBeanProperty[] args =
                    builder.getValueInstantiator() == null
                        ? null
                        : builder.getValueInstantiator().getFromObjectArguments(config);
                for (SettableBeanProperty p : args == null ? new SettableBeanProperty[0] : args) {
                  known.add(p.getName());
                }
                builder.setAnySetter(new UnknownKeys(description.getBeanClass(), known));
              }
              return builder;
            }
          });
      context.addValueInstantiators(
          (config, description, instantiator) -> {
            if (!instantiator.canCreateFromObjectWith()) {
              return instantiator;
            }
            Object defaults = defaults(description);
            if (defaults != null
                && !(instantiator.getWithArgsCreator() instanceof AnnotatedConstructor c
                    && c.getParameterCount()
                        == description.getBeanClass().getRecordComponents().length)) {
              throw new IllegalStateException(
                  "@Json.Defaults needs binding through the canonical constructor of "
                      + description.getBeanClass().getName());
            }
            return new MissingKeys(instantiator, defaults);
          });
    }

    private static Object defaults(BeanDescription description) {
      Class<?> type = description.getBeanClass();
      if (!type.isRecord()) {
        return null;
      }
      for (Method m : type.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Defaults.class)) {
          if (!Modifier.isStatic(m.getModifiers())
              || m.getParameterCount() != 0
              || m.getReturnType() != type) {
            throw new IllegalStateException(
                "@Json.Defaults needs a static no-argument method returning " + type.getName());
          }
          try {
            m.setAccessible(true);
            return m.invoke(null);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + m, e);
          }
        }
      }
      return null;
    }
  }

  /** A number or boolean without a default that the document leaves out. */
  private static final class MissingKey extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    final String key;

    MissingKey(JsonParser p, SettableBeanProperty prop) {
      super(p, "missing key \"" + prop.getName() + "\"", prop.getType());
      this.key = prop.getName();
    }
  }

  /**
   * Rejects an unknown key as soon as it is read (Jackson would otherwise hold it back until the
   * object is built, and report a missing key or an invalid value first).
   */
  private static final class UnknownKeys extends SettableAnyProperty {
    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final transient Collection<Object> known;

    UnknownKeys(Class<?> type, Collection<Object> known) {
      super(null, null, TypeFactory.unknownType(), null, null, null);
      this.type = type;
      this.known = known;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      String key = p.currentName();
      throw new UnrecognizedPropertyException(
          p, "unknown key \"" + key + "\"", p.currentLocation(), type, key, known);
    }

    @Override
    public void fixAccess(DeserializationConfig config) {}

    @Override
    public SettableAnyProperty withValueDeserializer(JsonDeserializer<Object> deserializer) {
      return this;
    }

    @Override
    protected void _set(Object instance, Object propName, Object value) {
      throw new IllegalStateException("unknown keys are never set");
    }
  }

  private static final class MissingKeys extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;

    private final transient Object defaults;

    MissingKeys(ValueInstantiator delegate, Object defaults) {
      super(delegate);
      this.defaults = defaults;
    }

    @Override
    public ValueInstantiator createContextual(
        DeserializationContext context, BeanDescription description) throws JsonMappingException {
      ValueInstantiator d = delegate().createContextual(context, description);
      return d == delegate() ? this : new MissingKeys(d, defaults);
    }

    @Override
    public Object createFromObjectWith(
        DeserializationContext context, SettableBeanProperty[] props, PropertyValueBuffer buffer)
        throws IOException {
      Object[] args = new Object[props.length];
      for (SettableBeanProperty prop : props) {
        if (prop == null) {
          continue;
        }
        int i = prop.getCreatorIndex();
        if (buffer.hasParameter(prop)) {
          args[i] = buffer.getParameter(prop);
        } else if (defaults != null) {
          args[i] = defaultValue(prop);
        } else if (prop.getType().isPrimitive()) {
          throw new MissingKey(context.getParser(), prop);
        } else {
          args[i] = buffer.getParameter(prop); // null
        }
      }
      return createFromObjectWith(context, args);
    }

    private Object defaultValue(SettableBeanProperty prop) {
      RecordComponent c = defaults.getClass().getRecordComponents()[prop.getCreatorIndex()];
      try {
        Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(defaults);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the default of " + c, e);
      }
    }
  }
}
