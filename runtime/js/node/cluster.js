// cluster: the primary's view; forking workers is not implemented yet.
'use strict';

const EventEmitter = require('events');
const { notImplemented } = require('internal/not_implemented');

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = 2;
notImplemented('cluster', ['fork', 'setupPrimary', 'setupMaster', 'disconnect'], cluster);
module.exports = cluster;
