process.stdout.write('workload-webhook: not built yet\n');
