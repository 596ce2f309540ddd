// C++ reference for deltanet's shortest-path bench: a plain CSR Dijkstra with std::priority_queue (lazy deletion),
// compiled with `g++ -O2` at bench time, run on the same graph file and the same queries as the TypeScript core.
//
// It does the same work as deltanet's search: least costs (double) and predecessor link indexes (int) per node,
// ties in the predecessor broken by the smallest link index, a cutoff that is never exceeded, early exit at the
// destination for point-to-point queries, and reset of only the nodes the previous query touched.
//
// Usage:
//   dijkstra --serve <graph.gr>             load, print "ready <loadMs> <nodes> <links>", then answer one query per
//                                           stdin line, each timed on its own with steady_clock:
//                                             "ss <origin>"            -> "<ms> <reached> <sum of costs>"
//                                             "cut <origin> <cutoff>"  -> "<ms> <reached> <sum of costs>"
//                                             "p2p <origin> <dest>"    -> "<ms> <cost or -1>"
//                                             "quit"
//   dijkstra --memory <graph.gr> <origin>    load + one single-source search, print JSON with peak memory
// graph.gr: DIMACS "p sp n m" + "a u v w" lines (w parsed with strtod, so non-integer costs are accepted here).
// Node indexes in queries are 0-based. Serving queries one by one lets the bench alternate TypeScript and C++ query
// by query, so load from other processes hits both alike.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <utility>
#include <vector>

namespace {

const double INF = std::numeric_limits<double>::infinity();

struct Graph {
  int n = 0, m = 0;
  std::vector<int> offsets, targets, arcLinks;
  std::vector<double> arcCosts;
};

long rssKb(const char* field) {  // VmRSS or VmHWM from /proc/self/status, in kB
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long value = -1;
  size_t len = std::strlen(field);
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, field, len) == 0 && line[len] == ':') value = std::strtol(line + len + 1, nullptr, 10);
  }
  std::fclose(f);
  return value;
}

bool readFile(const char* path, std::string& out) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  out.resize(static_cast<size_t>(size));
  size_t got = std::fread(&out[0], 1, static_cast<size_t>(size), f);
  std::fclose(f);
  return got == static_cast<size_t>(size);
}

// Reads a DIMACS sp file and builds the CSR (arcs grouped by from-node, ascending link index inside a node).
bool loadGraph(const char* path, Graph& g) {
  std::string text;
  if (!readFile(path, text)) return false;
  std::vector<int> from, to;
  std::vector<double> cost;
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!eol) eol = end;
    if (*p == 'p') {
      char* q;
      const char* s = p + 1;
      while (*s == ' ') s++;
      s += 2;  // "sp"
      g.n = static_cast<int>(std::strtol(s, &q, 10));
      g.m = static_cast<int>(std::strtol(q, &q, 10));
      from.reserve(g.m);
      to.reserve(g.m);
      cost.reserve(g.m);
    } else if (*p == 'a') {
      char* q;
      long u = std::strtol(p + 1, &q, 10);
      long v = std::strtol(q, &q, 10);
      double w = std::strtod(q, &q);
      from.push_back(static_cast<int>(u - 1));
      to.push_back(static_cast<int>(v - 1));
      cost.push_back(w);
    }
    p = eol + 1;
  }
  g.m = static_cast<int>(from.size());
  g.offsets.assign(g.n + 1, 0);
  for (int i = 0; i < g.m; i++) g.offsets[from[i] + 1]++;
  for (int u = 0; u < g.n; u++) g.offsets[u + 1] += g.offsets[u];
  std::vector<int> cursor(g.offsets.begin(), g.offsets.end() - 1);
  g.targets.resize(g.m);
  g.arcLinks.resize(g.m);
  g.arcCosts.resize(g.m);
  for (int i = 0; i < g.m; i++) {
    int k = cursor[from[i]]++;
    g.targets[k] = to[i];
    g.arcLinks[k] = i;
    g.arcCosts[k] = cost[i];
  }
  return true;
}

struct Search {
  const Graph& g;
  std::vector<double> dist;
  std::vector<int> pred;
  std::vector<char> settled;
  std::vector<int> touched;
  typedef std::pair<double, int> Item;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;

  explicit Search(const Graph& graph)
      : g(graph), dist(graph.n, INF), pred(graph.n, -1), settled(graph.n, 0) {
    touched.reserve(graph.n);
  }

  void reset() {
    for (int v : touched) {
      dist[v] = INF;
      pred[v] = -1;
      settled[v] = 0;
    }
    touched.clear();
    while (!queue.empty()) queue.pop();
  }

  // Dijkstra from origin; labels above cutoff are never made; stops when destination (>= 0) is settled.
  void run(int origin, double cutoff, int destination) {
    reset();
    dist[origin] = 0;
    touched.push_back(origin);
    queue.push(Item(0.0, origin));
    while (!queue.empty()) {
      Item top = queue.top();
      queue.pop();
      int u = top.second;
      if (settled[u]) continue;
      settled[u] = 1;
      if (u == destination) break;
      double du = top.first;
      for (int k = g.offsets[u], e = g.offsets[u + 1]; k < e; k++) {
        int v = g.targets[k];
        double c = du + g.arcCosts[k];
        if (c < dist[v]) {
          if (c > cutoff) continue;
          if (dist[v] == INF) touched.push_back(v);
          dist[v] = c;
          pred[v] = g.arcLinks[k];
          queue.push(Item(c, v));
        } else if (c == dist[v] && !settled[v] && g.arcLinks[k] < pred[v]) {
          pred[v] = g.arcLinks[k];
        }
      }
    }
  }

  // Checksum of the last run: reached (settled) count and sum of their costs.
  void checksum(long& reached, double& sum) const {
    reached = 0;
    sum = 0;
    for (int v = 0; v < g.n; v++) {
      if (settled[v]) {
        reached++;
        sum += dist[v];
      }
    }
  }
};

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--memory") == 0) {
    long baseline = rssKb("VmRSS");
    // Reset the peak-RSS mark (VmHWM) to the current RSS, so the peak below covers load + search only.
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
      std::fputs("5", f);
      std::fclose(f);
    }
    Graph g;
    if (!loadGraph(argv[2], g)) return 2;
    Search s(g);
    s.run(std::atoi(argv[3]), INF, -1);
    long reached;
    double sum;
    s.checksum(reached, sum);
    size_t structureBytes = g.offsets.capacity() * 4 + g.targets.capacity() * 4 + g.arcLinks.capacity() * 4 +
                            g.arcCosts.capacity() * 8;
    std::printf("{\"baselineRssKb\":%ld,\"peakRssKb\":%ld,\"structureBytes\":%zu,\"reached\":%ld,\"sum\":%.17g}\n",
                baseline, rssKb("VmHWM"), structureBytes, reached, sum);
    return 0;
  }
  if (argc != 3 || std::strcmp(argv[1], "--serve") != 0) {
    std::fprintf(stderr, "usage: dijkstra --serve <graph.gr> | dijkstra --memory <graph.gr> <origin>\n");
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  Graph g;
  if (!loadGraph(argv[2], g)) return 2;
  double loadMs = msSince(t0);
  Search s(g);
  s.run(0, INF, -1);  // warm-up (page in the arrays)
  std::printf("ready %.6f %d %d\n", loadMs, g.n, g.m);
  std::fflush(stdout);
  char line[256];
  while (std::fgets(line, sizeof line, stdin)) {
    char cmd[16];
    int a = 0, b = 0;
    double cutoff = INF;
    if (std::sscanf(line, "%15s", cmd) != 1) continue;
    std::string c(cmd);
    if (c == "quit") break;
    if (c == "ss" || c == "cut") {
      if (c == "ss" ? std::sscanf(line, "%*s %d", &a) != 1 : std::sscanf(line, "%*s %d %lf", &a, &cutoff) != 2) return 3;
      auto t = std::chrono::steady_clock::now();
      s.run(a, cutoff, -1);
      double ms = msSince(t);
      long reached;
      double sum;
      s.checksum(reached, sum);
      std::printf("%.6f %ld %.17g\n", ms, reached, sum);
    } else if (c == "p2p") {
      if (std::sscanf(line, "%*s %d %d", &a, &b) != 2) return 3;
      auto t = std::chrono::steady_clock::now();
      s.run(a, INF, b);
      double ms = msSince(t);
      double cost = s.dist[b];
      std::printf("%.6f %.17g\n", ms, cost == INF ? -1.0 : cost);
    } else {
      return 3;
    }
    std::fflush(stdout);
  }
  return 0;
}
