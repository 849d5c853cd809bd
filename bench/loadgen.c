/*
 * loadgen: a small single-threaded epoll load generator for nodenet's server benchmark.
 *
 * Targets 127.0.0.1 only (client source addresses may be spread over 127.0.0.2..).
 * Every run is bounded in time (-w warmup + -d duration) and in count (-n).
 * Prints one JSON object on stdout at the end (idle mode also prints a "ready" line).
 *
 * Modes:
 *   echo    -c connections each send -s bytes, wait for -s bytes back, repeat;
 *           per-request latency.
 *   accept  connect, send 1 byte, wait for the 1-byte echo, close; -i in flight;
 *           source addresses spread over 127.0.0.2..127.0.0.(1+a) (-a).
 *   bulk    -c connections send -s byte chunks as fast as possible, one way.
 *           With -S PORT, loadgen also listens on 127.0.0.1:PORT as the far-end sink
 *           (a proxy under test forwards there) and MB/s is what the sink received;
 *           without -S it is what was written into the kernel.
 *   idle    open -c connections (-i connecting at once), 1-byte echo on each, then hold
 *           them idle; prints {"event":"ready"...} once all are up, and closes all when
 *           stdin reaches EOF or -d seconds pass.
 *
 * Build: cc -O2 -o bench/build/loadgen bench/loadgen.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif

enum { M_ECHO, M_ACCEPT, M_BULK, M_IDLE };
enum { S_FREE, S_CONNECTING, S_SENDING, S_RECEIVING, S_IDLE, S_SINK, S_LISTEN, S_STDIN };

/* latency histogram: 1 us buckets up to HIST_US, then one overflow bucket */
#define HIST_US 200000
static uint64_t hist[HIST_US + 1];
static uint64_t lat_max_ns, lat_sum_ns, lat_count;

struct conn {
    int fd;
    int state;
    size_t done; /* bytes sent or received in the current step */
    uint64_t t0; /* request (or connection) start, ns */
};

static int mode = M_ECHO;
static int port = 9000;
static int sink_port = 0;
static int nconn = 50;
static size_t msg_size = 64;
static double duration = 5.0;
static double warmup = 1.0;
static int inflight = 64;
static int naddr = 0;
static int linger0 = 0;
static uint64_t max_count = 100000000ULL;

static int epfd;
static struct conn *conns;
static int nslots;
static char *sendbuf;
static char recvbuf[1 << 18];
static int measuring;
static int stopping;
static uint64_t next_addr;

/* counters; the *_m ones only while measuring */
static uint64_t requests_m, bytes_rx_m, bytes_tx_m, conns_m;
static uint64_t total_requests, total_conns;
static uint64_t errors, err_connect, err_reset, err_eof, err_other, err_proto;
static int first_errno;
static int sink_conns;
static int idle_up;
static struct conn listen_c, stdin_c;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void die(const char *what)
{
    fprintf(stderr, "loadgen: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void record_latency(uint64_t ns)
{
    uint64_t us = ns / 1000;
    hist[us < HIST_US ? us : HIST_US]++;
    lat_sum_ns += ns;
    lat_count++;
    if (ns > lat_max_ns)
        lat_max_ns = ns;
}

static double percentile(double p)
{
    if (lat_count == 0)
        return 0.0;
    uint64_t want = (uint64_t)(p * (double)lat_count);
    if (want >= lat_count)
        want = lat_count - 1;
    uint64_t seen = 0;
    for (int i = 0; i <= HIST_US; i++) {
        seen += hist[i];
        if (seen > want)
            return i < HIST_US ? (double)i + 0.5 : (double)lat_max_ns / 1000.0;
    }
    return (double)lat_max_ns / 1000.0;
}

static void count_error(int err)
{
    errors++;
    if (!first_errno)
        first_errno = err;
    if (err == ECONNRESET || err == EPIPE)
        err_reset++;
    else if (err == ECONNREFUSED || err == ETIMEDOUT || err == EADDRNOTAVAIL ||
             err == EADDRINUSE)
        err_connect++;
    else
        err_other++;
}

static void close_conn(struct conn *c, int abortive)
{
    if (c->fd >= 0) {
        if (abortive) {
            struct linger lg = {1, 0};
            setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        }
        close(c->fd); /* also removes it from the epoll set */
    }
    c->fd = -1;
    c->state = S_FREE;
    c->done = 0;
}

/* start a non-blocking connect in slot c */
static int open_conn(struct conn *c)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        count_error(errno);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (naddr > 0) {
        /* spread the source address; the port is picked at connect() time against the
         * full 4-tuple (IP_BIND_ADDRESS_NO_PORT), so each source address has its own
         * ephemeral port range. */
        struct sockaddr_in src;
        memset(&src, 0, sizeof src);
        src.sin_family = AF_INET;
        src.sin_port = 0;
        src.sin_addr.s_addr = htonl(0x7f000002u + (uint32_t)(next_addr++ % (uint64_t)naddr));
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        if (bind(fd, (struct sockaddr *)&src, sizeof src) < 0) {
            count_error(errno);
            close(fd);
            return -1;
        }
    }
    struct sockaddr_in dst;
    memset(&dst, 0, sizeof dst);
    dst.sin_family = AF_INET;
    dst.sin_port = htons((uint16_t)port);
    dst.sin_addr.s_addr = htonl(0x7f000001u);
    c->fd = fd;
    c->done = 0;
    c->t0 = now_ns();
    if (connect(fd, (struct sockaddr *)&dst, sizeof dst) < 0 && errno != EINPROGRESS) {
        count_error(errno);
        close(fd);
        c->fd = -1;
        c->state = S_FREE;
        return -1;
    }
    c->state = S_CONNECTING;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLET | EPOLLRDHUP, .data.ptr = c};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
        die("epoll_ctl");
    return 0;
}

static size_t step_size(void)
{
    return (mode == M_ECHO || mode == M_BULK) ? msg_size : 1;
}

/* send the rest of the current step; 1 = done, 0 = would block, -1 = error */
static int do_send(struct conn *c)
{
    size_t want = step_size();
    while (c->done < want) {
        ssize_t n = send(c->fd, sendbuf + c->done, want - c->done, MSG_NOSIGNAL);
        if (n > 0) {
            c->done += (size_t)n;
            if (mode == M_BULK) {
                if (measuring)
                    bytes_tx_m += (uint64_t)n;
                if (c->done == want)
                    c->done = 0; /* keep streaming */
                if (stopping)
                    return 0;
            }
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return 0;
        } else {
            count_error(errno);
            return -1;
        }
    }
    return 1;
}

/* receive the rest of the current step; 1 = done, 0 = would block, -1 = error/EOF */
static int do_recv(struct conn *c)
{
    size_t want = step_size();
    while (c->done < want) {
        ssize_t n = recv(c->fd, recvbuf, sizeof recvbuf, 0);
        if (n > 0) {
            c->done += (size_t)n;
            if (measuring)
                bytes_rx_m += (uint64_t)n;
        } else if (n == 0) {
            errors++;
            err_eof++;
            return -1;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        } else {
            count_error(errno);
            return -1;
        }
    }
    if (c->done > want) {
        errors++;
        err_proto++;
        return -1;
    }
    return 1;
}

static void replace_conn(struct conn *c)
{
    /* accept mode: open the next connection in this slot, unless we are done */
    if (stopping || total_conns >= max_count)
        return;
    for (int tries = 0; tries < 3; tries++)
        if (open_conn(c) == 0)
            return;
}

static void finish_connect(struct conn *c)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        err = errno;
    if (err) {
        count_error(err);
        close_conn(c, 0);
        if (mode == M_ACCEPT)
            replace_conn(c);
        else if (mode == M_IDLE)
            idle_up++; /* settled (failed) */
        return;
    }
    if (mode == M_ECHO)
        c->t0 = now_ns();
    c->state = S_SENDING;
    c->done = 0;
}

static void on_conn_event(struct conn *c, uint32_t events)
{
    (void)events;
    for (;;) {
        int r;
        switch (c->state) {
        case S_CONNECTING:
            if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
                return;
            finish_connect(c);
            if (c->state != S_SENDING)
                return;
            break;
        case S_SENDING:
            if (stopping && mode == M_BULK)
                return;
            r = do_send(c);
            if (r < 0)
                goto failed;
            if (r == 0)
                return;
            c->state = S_RECEIVING;
            c->done = 0;
            /* the reply cannot be there yet: wait for the EPOLLIN edge its arrival
             * raises instead of paying for a recv() that returns EAGAIN */
            return;
        case S_RECEIVING:
            r = do_recv(c);
            if (r < 0)
                goto failed;
            if (r == 0)
                return;
            {
                uint64_t t = now_ns();
                total_requests++;
                if (mode == M_ECHO) {
                    if (measuring) {
                        requests_m++;
                        record_latency(t - c->t0);
                    }
                    if (stopping || total_requests >= max_count) {
                        c->state = S_IDLE;
                        return;
                    }
                    c->t0 = t;
                    c->state = S_SENDING;
                    c->done = 0;
                } else if (mode == M_ACCEPT) {
                    total_conns++;
                    if (measuring) {
                        conns_m++;
                        record_latency(t - c->t0);
                    }
                    close_conn(c, linger0);
                    replace_conn(c);
                    return;
                } else { /* M_IDLE */
                    c->state = S_IDLE;
                    idle_up++;
                    return;
                }
            }
            break;
        case S_IDLE: {
            /* the peer should stay silent; notice it closing */
            ssize_t n = recv(c->fd, recvbuf, sizeof recvbuf, 0);
            if (n == 0) {
                errors++;
                err_eof++;
                close_conn(c, 0);
            } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                count_error(errno);
                close_conn(c, 0);
            }
            return;
        }
        default:
            return;
        }
    }
failed:
    close_conn(c, 0);
    if (mode == M_ACCEPT)
        replace_conn(c);
    else if (mode == M_IDLE)
        idle_up++; /* counted as settled (failed), so "ready" is not held back */
}

static void on_sink_event(struct conn *c)
{
    for (;;) {
        /* MSG_TRUNC on TCP: the kernel discards the bytes instead of copying them out
         * (tcp(7)); the sink only counts them, so it costs the load generator less */
        ssize_t n = recv(c->fd, NULL, sizeof recvbuf, MSG_TRUNC);
        if (n > 0) {
            if (measuring)
                bytes_rx_m += (uint64_t)n;
        } else if (n == 0) {
            close_conn(c, 0);
            free(c);
            sink_conns--;
            return;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        } else {
            if (!stopping)
                count_error(errno);
            close_conn(c, 0);
            free(c);
            sink_conns--;
            return;
        }
    }
}

static void on_listen_event(void)
{
    for (;;) {
        int fd = accept4(listen_c.fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        struct conn *c = calloc(1, sizeof *c);
        if (!c)
            die("calloc");
        c->fd = fd;
        c->state = S_SINK;
        sink_conns++;
        struct epoll_event ev = {.events = EPOLLIN | EPOLLET | EPOLLRDHUP, .data.ptr = c};
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
            die("epoll_ctl sink");
        on_sink_event(c);
    }
}

static void setup_sink(void)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die("socket");
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)sink_port);
    a.sin_addr.s_addr = htonl(0x7f000001u);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0)
        die("bind sink");
    if (listen(fd, 511) < 0)
        die("listen sink");
    listen_c.fd = fd;
    listen_c.state = S_LISTEN;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &listen_c};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
        die("epoll_ctl listen");
}

static const char *mode_name(void)
{
    static const char *names[] = {"echo", "accept", "bulk", "idle"};
    return names[mode];
}

static void print_result(double measured_s, int live)
{
    double secs = measured_s > 0 ? measured_s : 1e-9;
    printf("{\"mode\": \"%s\", \"port\": %d, \"connections\": %d, \"size\": %zu, "
           "\"warmup_s\": %.3f, \"duration_s\": %.3f, ",
           mode_name(), port, nconn, msg_size, warmup, measured_s);
    if (mode == M_ECHO)
        printf("\"requests\": %llu, \"req_per_s\": %.1f, ", (unsigned long long)requests_m,
               (double)requests_m / secs);
    if (mode == M_ACCEPT)
        printf("\"in_flight\": %d, \"source_addresses\": %d, \"linger0\": %s, "
               "\"conns\": %llu, \"conn_per_s\": %.1f, \"req_per_s\": %.1f, ",
               inflight, naddr, linger0 ? "true" : "false", (unsigned long long)conns_m,
               (double)conns_m / secs, (double)conns_m / secs);
    if (mode == M_BULK) {
        uint64_t b = sink_port ? bytes_rx_m : bytes_tx_m;
        printf("\"measured_at\": \"%s\", \"bytes\": %llu, ", sink_port ? "sink" : "sender",
               (unsigned long long)b);
        printf("\"mb_per_s\": %.2f, \"sent_mb_per_s\": %.2f, ", (double)b / secs / 1e6,
               (double)bytes_tx_m / secs / 1e6);
    } else {
        printf("\"mb_per_s\": %.3f, ", (double)bytes_rx_m / secs / 1e6);
    }
    if (mode == M_IDLE)
        printf("\"established\": %d, ", live);
    if (mode == M_ECHO || mode == M_ACCEPT)
        printf("\"lat_us\": {\"p50\": %.1f, \"p90\": %.1f, \"p99\": %.1f, \"p999\": %.1f, "
               "\"max\": %.1f, \"mean\": %.1f}, ",
               percentile(0.50), percentile(0.90), percentile(0.99), percentile(0.999),
               (double)lat_max_ns / 1000.0,
               lat_count ? (double)lat_sum_ns / (double)lat_count / 1000.0 : 0.0);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("\"client_cpu_s\": %.3f, ",
           (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
    printf("\"errors\": %llu, \"error_kinds\": {\"connect\": %llu, \"reset\": %llu, "
           "\"eof\": %llu, \"protocol\": %llu, \"other\": %llu}, \"first_error\": \"%s\"}\n",
           (unsigned long long)errors, (unsigned long long)err_connect,
           (unsigned long long)err_reset, (unsigned long long)err_eof,
           (unsigned long long)err_proto, (unsigned long long)err_other,
           first_errno ? strerror(first_errno) : "");
    fflush(stdout);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: loadgen echo|accept|bulk|idle [-p port] [-c conns] [-s size] [-d secs]\n"
            "       [-w warmup_secs] [-i in_flight] [-a n_source_addrs] [-L] [-S sink_port]\n"
            "       [-n max_count]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    if (!strcmp(argv[1], "echo"))
        mode = M_ECHO;
    else if (!strcmp(argv[1], "accept"))
        mode = M_ACCEPT;
    else if (!strcmp(argv[1], "bulk"))
        mode = M_BULK;
    else if (!strcmp(argv[1], "idle"))
        mode = M_IDLE;
    else
        usage();
    if (mode == M_BULK) {
        nconn = 1;
        msg_size = 65536;
    }
    if (mode == M_IDLE) {
        nconn = 10000;
        inflight = 256;
        duration = 60;
        warmup = 0;
    }
    int opt;
    optind = 2;
    while ((opt = getopt(argc, argv, "p:c:s:d:w:i:a:LS:n:")) != -1) {
        switch (opt) {
        case 'p': port = atoi(optarg); break;
        case 'c': nconn = atoi(optarg); break;
        case 's': msg_size = (size_t)atol(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'i': inflight = atoi(optarg); break;
        case 'a': naddr = atoi(optarg); break;
        case 'L': linger0 = 1; break;
        case 'S': sink_port = atoi(optarg); break;
        case 'n': max_count = strtoull(optarg, NULL, 10); break;
        default: usage();
        }
    }
    if (port <= 0 || port > 65535 || nconn <= 0 || msg_size == 0 || duration <= 0 ||
        duration > 3600 || warmup < 0 || inflight <= 0 || naddr < 0 || naddr > 250)
        usage();
    signal(SIGPIPE, SIG_IGN);

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    sendbuf = malloc(msg_size);
    if (!sendbuf)
        die("malloc");
    memset(sendbuf, 'x', msg_size);

    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0)
        die("epoll_create1");
    if (mode == M_BULK && sink_port)
        setup_sink();

    nslots = (mode == M_ACCEPT) ? inflight : nconn;
    conns = calloc((size_t)nslots, sizeof *conns);
    if (!conns)
        die("calloc");
    for (int i = 0; i < nslots; i++)
        conns[i].fd = -1;

    int opened = 0; /* idle mode opens gradually, at most -i connecting at once */
    if (mode == M_IDLE) {
        stdin_c.fd = 0;
        stdin_c.state = S_STDIN;
        struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = &stdin_c};
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, 0, &ev) < 0)
            stdin_c.fd = -1; /* not pollable (a file, /dev/null): rely on -d */
    } else {
        for (int i = 0; i < nslots; i++)
            open_conn(&conns[i]);
        opened = nslots;
    }

    uint64_t t_start = now_ns();
    uint64_t t_measure = t_start + (uint64_t)(warmup * 1e9);
    uint64_t t_end = t_measure + (uint64_t)(duration * 1e9);
    uint64_t t_measured_from = 0;
    if (warmup == 0) {
        measuring = 1;
        t_measured_from = t_start;
    }
    int ready_printed = 0;
    struct epoll_event evs[512];

    for (;;) {
        uint64_t t = now_ns();
        if (!measuring && t >= t_measure) {
            measuring = 1;
            t_measured_from = t;
        }
        if (t >= t_end)
            break;
        if ((mode == M_ACCEPT && total_conns >= max_count) ||
            (mode == M_ECHO && total_requests >= max_count))
            break;
        if (mode == M_IDLE) {
            while (opened < nslots && opened - idle_up < inflight) {
                if (open_conn(&conns[opened]) < 0)
                    idle_up++;
                opened++;
            }
            if (!ready_printed && idle_up >= nslots) {
                int live = 0;
                for (int i = 0; i < nslots; i++)
                    live += conns[i].state == S_IDLE;
                printf("{\"event\": \"ready\", \"established\": %d, \"errors\": %llu}\n", live,
                       (unsigned long long)errors);
                fflush(stdout);
                ready_printed = 1;
            }
        }
        uint64_t next = measuring ? t_end : t_measure;
        int timeout_ms = (int)((next - t) / 1000000ULL) + 1;
        if (timeout_ms > 100)
            timeout_ms = 100;
        int n = epoll_wait(epfd, evs, 512, timeout_ms);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait");
        }
        int quit = 0;
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (c->state == S_LISTEN)
                on_listen_event();
            else if (c->state == S_SINK)
                on_sink_event(c);
            else if (c->state == S_STDIN)
                quit = 1; /* stdin readable means EOF or a line: either way, stop */
            else if (c->fd >= 0)
                on_conn_event(c, evs[i].events);
        }
        if (quit)
            break;
    }
    uint64_t t_stop = now_ns();
    stopping = 1;
    double measured_s = t_measured_from ? (double)(t_stop - t_measured_from) / 1e9 : 0.0;
    int live = 0;
    for (int i = 0; i < nslots; i++)
        live += conns[i].state == S_IDLE;
    print_result(measured_s, live);
    for (int i = 0; i < nslots; i++)
        if (conns[i].fd >= 0)
            close_conn(&conns[i], linger0);
    return 0;
}
