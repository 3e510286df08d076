package org.radioclr.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Copies of records with some components changed, for their {@code withX} methods. */
public final class Records {
  private Records() {}

  /**
   * A copy of {@code record} with the named components replaced, made through the canonical
   * constructor (so it is validated as any other instance), e.g. {@code with(config, "epochs", 5)}.
   *
   * @param namesAndValues component name, new value, component name, new value, ...
   * @throws IllegalArgumentException (or whatever the constructor throws) for invalid values
   */
  public static <R extends Record> R with(R record, Object... namesAndValues) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        components[i].getAccessor().setAccessible(true);
        args[i] = components[i].getAccessor().invoke(record);
        types[i] = components[i].getType();
      }
      for (int j = 0; j < namesAndValues.length; j += 2) {
        args[index(components, (String) namesAndValues[j])] = namesAndValues[j + 1];
      }
      @SuppressWarnings("unchecked")
      Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
    }
  }

  private static int index(RecordComponent[] components, String name) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "no component '" + name + "' in " + Arrays.toString(components));
  }
}
