export { type FailedJob, Jobs, migrateJobQueue } from './jobs.js';
export { jobRoutes } from './routes.js';
export {
  type EnqueueOptions,
  type JobPriority,
  type Schedule,
  type TaskContext,
  type TaskHandler,
  type TaskType,
  taskType,
} from './task.js';
