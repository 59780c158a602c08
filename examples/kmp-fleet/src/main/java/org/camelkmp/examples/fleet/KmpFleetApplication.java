package org.camelkmp.examples.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.camelkmp.examples.support.DiskOutbox;
import org.camelkmp.examples.support.ExampleMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a fleet that reads Kamstrup meters into Kafka. Every node reads the same meters file;
 * the meters are hashed onto {@code fleet.shards} shards, and each shard is polled only by the node
 * that leads its election in Camel's ZooKeeper cluster service. Settings in {@code
 * application.properties}, overridden by {@code --name=value}, {@code -Dname=value} or the
 * environment ({@code ZOOKEEPER_CONNECT}).
 */
public final class KmpFleetApplication {
  static final String NAME = "kmp-fleet";

  /** Exit status of a node that lost its ZooKeeper connection and stopped polling. */
  static final int LOST_ZOOKEEPER = 3;

  private static final Logger LOG = LoggerFactory.getLogger(KmpFleetApplication.class);

  private KmpFleetApplication() {}

  public static void main(String[] args) {
    ExampleMain.run(NAME, createMain(), args);
  }

  /** The application, not yet started. */
  public static Main createMain() {
    Main main = new Main();
    main.addMainListener(new Wiring());
    return main;
  }

  /**
   * Checks the settings, then ties the meters' routes to their shards' elections, the fence to the
   * ZooKeeper connection and the outbox to Kafka.
   */
  static final class Wiring extends MainListenerSupport {
    private final Map<Integer, Set<Integer>> shardsByRank = new TreeMap<>();
    private final LeadershipLog leadership = new LeadershipLog();
    private RankedElections elections;
    private String nodeId;
    private KafkaForwarder forwarder;
    private long standbyDelay;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
      CamelContext context = main.getCamelContext();
      FleetSettings settings = new FleetSettings(context);
      List<MeterEntry> meters = settings.meters();
      String node = settings.nodeId();
      Shards shards =
          new Shards((int) Math.min(10_000, settings.atLeast("fleet.shards", 1)), settings.nodes());
      String namespace = settings.namespace();
      String connect = settings.required("zookeeper.connect", "zk1:2181,zk2:2181,zk3:2181");
      long sessionTimeout = settings.duration("zookeeper.session-timeout", "15s");
      standbyDelay = settings.duration("fleet.standby-delay", "30s");
      String brokers = settings.required("kafka.bootstrap.servers", "kafka1:9092,kafka2:9092");
      String topic = settings.topic();
      var bufferDir = settings.writableDirectory("fleet.buffer.dir", "kmp-fleet-data");
      int bufferMax = (int) Math.min(Integer.MAX_VALUE, settings.atLeast("fleet.buffer.max", 1));

      ZooKeeperLease lease = new ZooKeeperLease(sessionTimeout, reason -> exit(context));
      ZooKeeperConnection zookeeper = new ZooKeeperConnection(connect, sessionTimeout, lease);
      nodeId = node;
      elections = new RankedElections(3, node, "/" + namespace, zookeeper.curator(), context);

      Map<String, MeterEntry> byId = new LinkedHashMap<>();
      for (MeterEntry meter : meters) {
        byId.put(meter.id(), meter);
        int shard = shards.shardOf(meter.id());
        shardsByRank.computeIfAbsent(shards.rank(node, shard), r -> new TreeSet<>()).add(shard);
      }
      DiskOutbox outbox =
          new DiskOutbox(bufferDir.resolve("outbox"), bufferMax, "fleet.buffer.max");
      String kafkaUri =
          "kafka:"
              + topic
              + "?brokers="
              + brokers
              + "&requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=5"
              + "&deliveryTimeoutMs=30000&requestTimeoutMs=10000&maxBlockMs=10000";
      try {
        context.getRegistry().bind(ZooKeeperLease.BEAN, lease);
        context.addService(zookeeper, true, true);
        context.addService(elections.service(0), true, true);
        forwarder = new KafkaForwarder(context, outbox, kafkaUri, node);
        context.addService(forwarder, true, true);
      } catch (Exception e) {
        throw new IllegalStateException("cannot add the fleet's services", e);
      }
      context.addRoutePolicyFactory(new ShardPolicies(shards, node, elections, byId));
      main.configure().addRoutesBuilder(new FleetRoutes(meters, outbox));
      LOG.info(
          "node {}: {} meters on {} shards; contending at once for the shards {}, for the others"
              + " {} ms later for each rank",
          node,
          meters.size(),
          shards.count(),
          shardsByRank.getOrDefault(0, Set.of()),
          standbyDelay);
    }

    @Override
    public void afterStart(BaseMainSupport main) {
      shardsByRank.forEach(
          (rank, ranked) -> ranked.forEach(s -> leadership.watch(elections.service(rank), s)));
      MeterRegistry registry =
          main.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
      if (registry != null) {
        Gauge.builder("kmp.fleet.shards.led", leadership, LeadershipLog::count)
            .description("shards this node leads, whose meters it polls")
            .tag("node", nodeId)
            .register(registry);
      } else {
        LOG.warn("no Micrometer registry: kmp_fleet_shards_led is not exported");
      }
      int last = shardsByRank.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (last == 0) {
        LOG.info("contending for every shard of the fleet now");
        return;
      }
      ScheduledExecutorService timer =
          main.getCamelContext()
              .getExecutorServiceManager()
              .newSingleThreadScheduledExecutor(this, "standby");
      for (int rank = 1; rank <= last; rank++) {
        int r = rank;
        timer.schedule(
            () -> {
              LOG.info(
                  "contending now for the shards {} of choice {}",
                  shardsByRank.getOrDefault(r, Set.of()),
                  r + 1);
              elections.start(r);
              if (r == last) {
                LOG.info("contending for every shard of the fleet now");
              }
            },
            r * standbyDelay,
            TimeUnit.MILLISECONDS);
      }
    }

    /**
     * On stop (SIGTERM, or the exit after a lost connection): the meters' routes first, their polls
     * in flight finishing, then the readings kept sent while camel-kafka still runs.
     */
    @Override
    public void beforeStop(BaseMainSupport main) {
      stopMeterRoutes(main.getCamelContext(), 10);
      if (elections != null) {
        elections.stopLaterRanks();
      }
      if (forwarder != null) {
        forwarder.drain(5_000);
      }
    }

    private static void stopMeterRoutes(CamelContext context, long timeoutSeconds) {
      for (var route : context.getRoutes()) {
        if (route.getId().startsWith(FleetRoutes.ROUTE_PREFIX)) {
          try {
            context.getRouteController().stopRoute(route.getId(), timeoutSeconds, TimeUnit.SECONDS);
          } catch (Exception e) {
            LOG.warn("cannot stop {}: {}", route.getId(), e.toString());
          }
        }
      }
    }

    /** Stops every meter's route, then ends the JVM: the fence after a lost connection. */
    private static void exit(CamelContext context) {
      Thread stopper =
          new Thread(
              () -> {
                stopMeterRoutes(context, 2);
                System.exit(LOST_ZOOKEEPER);
              },
              "kmp-fleet-fence");
      stopper.start();
    }
  }
}
