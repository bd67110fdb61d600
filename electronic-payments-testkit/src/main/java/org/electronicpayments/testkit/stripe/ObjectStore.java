package org.electronicpayments.testkit.stripe;

import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** A concurrent map of objects by id that also remembers creation order, newest first. */
final class ObjectStore<T> {

  private final ConcurrentHashMap<String, T> byId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<String> order = new ConcurrentLinkedDeque<>();

  void put(String id, T value) {
    byId.put(id, value);
    order.addFirst(id);
  }

  @Nullable T get(String id) {
    return byId.get(id);
  }

  Stream<T> newestFirst() {
    return order.stream().map(byId::get).filter(Objects::nonNull);
  }

  Stream<T> oldestFirst() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(order.descendingIterator(), Spliterator.ORDERED),
            false)
        .map(byId::get)
        .filter(Objects::nonNull);
  }
}
