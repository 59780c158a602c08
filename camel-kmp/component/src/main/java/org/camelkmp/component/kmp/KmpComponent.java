package org.camelkmp.component.kmp;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code kmp} component: reads Kamstrup meters over KMP. Owns one connection per port, shared
 * by every consumer and producer on it.
 */
@Component("kmp")
public class KmpComponent extends HealthCheckComponent {
  private final KmpConnectionRegistry connections = new KmpConnectionRegistry();

  @Metadata(
      label = "consumer,advanced",
      defaultValue = "16",
      description =
          "Threads of the scheduler shared by every kmp consumer of this component, so that the"
              + " number of threads stays bounded however many meters are polled. A poll holds a"
              + " thread while it waits for the meter (about a second for 8 registers at 1200"
              + " baud); raise it when many meters must be read within one poll period. A consumer"
              + " given its own scheduledExecutorService does not use it")
  private int pollThreads = 16;

  @Metadata(
      description =
          "Options every kmp endpoint of this component starts from (registers,"
              + " destinationAddress, line settings, timeouts, retries...); an endpoint's own"
              + " options override them")
  private KmpConfiguration configuration = new KmpConfiguration();

  @Metadata(
      label = "consumer,scheduler",
      defaultValue = "60000",
      javaType = "java.time.Duration",
      description =
          "Default poll delay of every kmp consumer, in milliseconds or as a duration such as"
              + " 15m; an endpoint's delay overrides it. Every read costs meter battery")
  private long delay = KmpEndpoint.DEFAULT_DELAY;

  private ScheduledExecutorService sharedScheduler;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    KmpEndpoint endpoint = new KmpEndpoint(uri, this, configuration.copy());
    endpoint.setPort(remaining);
    endpoint.setDelay(delay);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /**
   * The scheduler shared by this component's consumers, created on first use. Every consumer keeps
   * one periodic task in its queue, so the queue is unbounded: Camel's default profile caps it at
   * 1,000 tasks, which would refuse to start the 1,001st meter's consumer.
   */
  synchronized ScheduledExecutorService sharedScheduler() {
    if (sharedScheduler == null) {
      ThreadPoolProfile profile = new ThreadPoolProfile("KmpPoll");
      profile.setPoolSize(pollThreads);
      profile.setMaxQueueSize(-1);
      sharedScheduler =
          getCamelContext()
              .getExecutorServiceManager()
              .newScheduledThreadPool(this, "KmpPoll", profile);
    }
    return sharedScheduler;
  }

  /** The options every endpoint starts from. */
  public KmpConfiguration getConfiguration() {
    return configuration;
  }

  /** Replaces the options every endpoint created afterwards starts from. */
  public void setConfiguration(KmpConfiguration configuration) {
    this.configuration = configuration;
  }

  /** The default poll delay of this component's consumers, in milliseconds. */
  public long getDelay() {
    return delay;
  }

  /** Sets the default poll delay of consumers created afterwards, in milliseconds. */
  public void setDelay(long delay) {
    this.delay = delay;
  }

  public int getPollThreads() {
    return pollThreads;
  }

  public void setPollThreads(int pollThreads) {
    if (pollThreads < 1) {
      throw new IllegalArgumentException("pollThreads=" + pollThreads + " must be at least 1");
    }
    this.pollThreads = pollThreads;
  }

  KmpConnectionRegistry connections() {
    return connections;
  }

  /** The ports in use, for the dev console and health checks. */
  public java.util.List<KmpConnection> activeConnections() {
    return connections.connections();
  }

  @Override
  protected void doStop() throws Exception {
    connections.closeAll();
    synchronized (this) {
      if (sharedScheduler != null) {
        getCamelContext().getExecutorServiceManager().shutdownNow(sharedScheduler);
        sharedScheduler = null;
      }
    }
    super.doStop();
  }
}
