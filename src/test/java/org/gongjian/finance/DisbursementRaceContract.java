package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two disbursements of one approved need that together overdraw it, sent at the same time by two bank clerks: the
 * second waits on the decision's row while the first is being written, then exactly one of them fails with the clear
 * error and nothing of it is written. Runs committed (no test transaction), on H2 and on PostgreSQL, in a context of
 * its own: its fixture pairs 赤坎镇 from 2024-06-06 on, as {@link FinanceContract}'s does, and a town has one consortium.
 */
@SpringBootTest(properties = "gongjian.test.context=disbursement-race")
@ActiveProfiles("test")
abstract class DisbursementRaceContract {

    @Autowired Pairings pairings;
    @Autowired Subjects subjects;
    @Autowired Needs needs;
    @Autowired Loans loans;
    @Autowired FinanceAccess access;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        SecurityContextHolder.clearContext();
    }

    @Test
    void of_two_concurrent_disbursements_that_together_overdraw_the_approval_exactly_one_fails_and_leaves_nothing()
            throws Exception {
        String tag = String.valueOf(90_000_000 + (System.nanoTime() % 9_000_000));
        FinanceFixture fixture = new FinanceFixture(pairings, subjects, accounts, organisation, users, access);
        FinanceFixture.World world = fixture.world(tag);
        LocalDate today = LocalDate.now();
        fixture.as("t-chikan-" + tag);
        Needs.Need n = needs.declare(FinanceFixture.need(world.chikanFirm().id(), "1000000", today), false);
        n = needs.push(n.id(), needs.screen(n.id(), FinanceFixture.ALL_MET, n.version()).version());
        fixture.as("t-bank-a-" + tag);
        loans.decide(n.id(), FinanceFixture.approve(world.bankA().id(), "1000000", today), n.version(), false);
        SecurityContextHolder.clearContext();
        long needId = n.id();
        Loans.NewDisbursement sixty = new Loans.NewDisbursement(new BigDecimal("600000"), today, null);

        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> {
            fixture.as("t-bank-a-" + tag);
            return tx.execute(status -> {
                Loans.Disbursement d = loans.disburse(needId, sixty, false);
                firstWritten.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return d;
            });
        });
        assertThat(firstWritten.await(20, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> {
            fixture.as("t-bank-a-" + tag);
            return loans.disburse(needId, sixty, false);
        });
        Thread.sleep(300); // let the second request reach the decision's row, which the first still holds
        release.countDown();

        List<Throwable> failures = new ArrayList<>();
        for (Future<?> f : List.of(first, second)) {
            try {
                f.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).singleElement().isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(InvalidInputException.Violation::messageKey)
                        .containsExactly("finance.error.over-approved"));
        fixture.as("t-bank-a-" + tag);
        assertThat(loans.disbursements(needId)).extracting(Loans.Disbursement::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("600000"));
        assertThat(loans.decision(needId).orElseThrow().disbursed()).isEqualByComparingTo("600000");
    }
}
