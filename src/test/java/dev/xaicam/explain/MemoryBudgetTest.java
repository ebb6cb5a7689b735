package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemoryBudgetTest {

  @Test
  void tryTakeHoldsOnlyWhatFitsUnderTheLimit() {
    MemoryBudget budget = new MemoryBudget(100);

    assertThat(budget.tryTake(60)).isTrue();
    assertThat(budget.tryTake(41)).isFalse();
    assertThat(budget.tryTake(40)).isTrue();
    assertThat(budget.held()).isEqualTo(100);
    budget.give(60);
    assertThat(budget.tryTake(150)).isFalse(); // more than the whole limit is never kept
    assertThat(budget.held()).isEqualTo(40);
  }

  @Test
  @Timeout(10)
  void takeWaitsUntilEnoughIsGivenBackAndARequestAboveTheLimitGoesAlone() throws Exception {
    MemoryBudget budget = new MemoryBudget(100);
    budget.take(70);
    CountDownLatch second = new CountDownLatch(1);
    Thread waiting = new Thread(() -> {
      try {
        budget.take(250); // above the limit: waits for an empty budget, then goes alone
        second.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiting.start();

    assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
    budget.give(70);
    assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(budget.held()).isEqualTo(250);
    assertThat(budget.tryTake(1)).isFalse();
    waiting.join();
  }
}
