package de.kontor.printer;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Kontor nodes share one database: with Kontor's clustered JDBC job store, every trigger (e.g. a
 * reservation's power-on) fires on exactly one of them.
 */
class ClusteredQuartzTest extends IntegrationTest {

    static final Map<String, AtomicInteger> FIRED = new ConcurrentHashMap<>();
    static final Map<String, String> BY = new ConcurrentHashMap<>();

    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            String trigger = context.getTrigger().getKey().getName();
            FIRED.computeIfAbsent(trigger, k -> new AtomicInteger()).incrementAndGet();
            try {
                BY.put(trigger, context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Autowired
    DataSource dataSource;

    private SchedulerFactoryBean node(String id) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setSchedulerName("kontor-cluster-test");
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", "kontor-cluster-test");
        p.put("org.quartz.scheduler.instanceId", id);
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.threadPool.threadCount", "4");
        factory.setQuartzProperties(p);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        return factory;
    }

    @Test
    void twoNodesFireEachTriggerOnce() throws Exception {
        SchedulerFactoryBean a = node("node-a-" + System.nanoTime());
        SchedulerFactoryBean b = node("node-b-" + System.nanoTime());
        try {
            Scheduler scheduler = a.getScheduler();
            String run = Long.toString(System.nanoTime(), 36);
            JobDetail job = JobBuilder.newJob(CountingJob.class)
                    .withIdentity("count-" + run, "cluster-test")
                    .storeDurably()
                    .build();
            scheduler.addJob(job, true);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = run + "-" + i;
                names.add(name);
                Trigger t = TriggerBuilder.newTrigger()
                        .withIdentity(name, "cluster-test")
                        .forJob(job)
                        .startAt(new Date(System.currentTimeMillis() + 1500 + i * 20L))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build();
                scheduler.scheduleJob(t);
            }
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> names.stream().allMatch(FIRED::containsKey));
            // and none fires a second time on the other node
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> names.stream().allMatch(n -> FIRED.get(n).get() == 1));
            for (String name : names) {
                assertThat(FIRED.get(name).get()).as(name).isEqualTo(1);
            }
        } finally {
            a.destroy();
            b.destroy();
        }
    }
}
