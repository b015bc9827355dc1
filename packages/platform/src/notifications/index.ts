export { notificationRoutes } from './routes.js';
export { Notifications, type SendInput } from './service.js';
export { announcement, type NotificationText, type NotificationType, notificationType } from './types.js';
